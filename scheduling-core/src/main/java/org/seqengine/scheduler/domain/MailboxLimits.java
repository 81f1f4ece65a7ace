package org.seqengine.scheduler.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A mailbox's sending limits, shared by every sequence that sends from it: at most
 * {@code dailyLimit} emails in any rolling (scaled) day, and at least
 * {@code minSecondsBetweenSends} (scaled) between two of its emails.
 */
public record MailboxLimits(int dailyLimit, int minSecondsBetweenSends) {

  public static final int DEFAULT_DAILY_LIMIT = 200;
  public static final int DEFAULT_MIN_SECONDS_BETWEEN_SENDS = 0;
  public static final int MAX_DAILY_LIMIT = 100_000;
  /** A gap of more than a day would make the daily limit meaningless. */
  public static final int MAX_MIN_SECONDS_BETWEEN_SENDS = 86_400;

  public static final MailboxLimits DEFAULTS =
      new MailboxLimits(DEFAULT_DAILY_LIMIT, DEFAULT_MIN_SECONDS_BETWEEN_SENDS);

  public MailboxLimits {
    List<ValidationError> errors = validate(dailyLimit, minSecondsBetweenSends);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.get(0).message());
    }
  }

  /** Reads the mailbox fields as the API receives them; a null field takes its default. */
  public static Validated<MailboxLimits> parse(Integer dailyLimit, Integer minSecondsBetweenSends) {
    int limit = dailyLimit == null ? DEFAULT_DAILY_LIMIT : dailyLimit;
    int gap = minSecondsBetweenSends == null ? DEFAULT_MIN_SECONDS_BETWEEN_SENDS : minSecondsBetweenSends;
    List<ValidationError> errors = validate(limit, gap);
    return errors.isEmpty() ? new Validated.Valid<>(new MailboxLimits(limit, gap)) : new Validated.Invalid<>(errors);
  }

  private static List<ValidationError> validate(int dailyLimit, int minSecondsBetweenSends) {
    List<ValidationError> errors = new ArrayList<>();
    if (dailyLimit < 1 || dailyLimit > MAX_DAILY_LIMIT) {
      errors.add(ValidationError.of("OUT_OF_RANGE",
          "daily_limit must be between 1 and " + MAX_DAILY_LIMIT + " (pause the mailbox to stop it), was " + dailyLimit,
          "daily_limit"));
    }
    if (minSecondsBetweenSends < 0 || minSecondsBetweenSends > MAX_MIN_SECONDS_BETWEEN_SENDS) {
      errors.add(ValidationError.of("OUT_OF_RANGE",
          "min_seconds_between_sends must be between 0 and " + MAX_MIN_SECONDS_BETWEEN_SENDS + ", was " + minSecondsBetweenSends,
          "min_seconds_between_sends"));
    }
    return errors;
  }
}
