package org.seqengine.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * When a mailbox can send its next email, given the emails it already sent. The rolling day is
 * half-open: a send at {@code s} counts in every window {@code (t - day, t]} with
 * {@code s <= t < s + day}, so a send exactly one day old no longer counts.
 */
public final class MailboxCapacity {

  private MailboxCapacity() {}

  /**
   * The earliest instant at or after {@code now} at which one more email fits:
   * fewer than {@code dailyLimit} sends in the rolling day ending there, and at least the minimum
   * gap after the latest send. {@code sends} may be in any order and may include sends after
   * {@code now} (they are counted, conservatively).
   */
  public static Instant nextFreeAt(Collection<Instant> sends, Instant now, MailboxLimits limits, TimeScale scale) {
    Duration day = scale.dayLength();
    List<Instant> sorted = sends.stream().sorted().toList();
    Instant free = now;
    int n = sorted.size();
    if (n >= limits.dailyLimit()) {
      // the window ending at t may hold at most limit-1 earlier sends: the (n-limit)-th must be a day old
      Instant limitFree = sorted.get(n - limits.dailyLimit()).plus(day);
      free = later(free, limitFree);
    }
    if (limits.minSecondsBetweenSends() > 0 && n > 0) {
      Duration gap = scale.toReal(Duration.ofSeconds(limits.minSecondsBetweenSends()));
      free = later(free, sorted.get(n - 1).plus(gap));
    }
    return free;
  }

  /**
   * The same rule over a summary of the sends, for a caller that keeps them in an ordered store
   * instead of a list (step-scheduler's send log): {@code sendsInDay} sends younger than a scaled
   * day at {@code now}; {@code limitingSend} the one that must age out before one more fits, i.e.
   * the {@code (sendsInDay - dailyLimit)}-th oldest of them counting from 0 (needed only when
   * {@code sendsInDay >= dailyLimit}); {@code latestSend} the mailbox's latest send (null: none).
   * Equal to {@link #nextFreeAt(Collection, Instant, MailboxLimits, TimeScale)} over those sends.
   */
  public static Instant nextFreeAt(int sendsInDay, Instant limitingSend, Instant latestSend, Instant now,
      MailboxLimits limits, TimeScale scale) {
    Instant free = now;
    if (sendsInDay >= limits.dailyLimit()) {
      if (limitingSend == null) {
        throw new IllegalArgumentException("at the daily limit the limiting send is required");
      }
      free = later(free, limitingSend.plus(scale.dayLength()));
    }
    if (limits.minSecondsBetweenSends() > 0 && latestSend != null) {
      free = later(free, latestSend.plus(scale.toReal(Duration.ofSeconds(limits.minSecondsBetweenSends()))));
    }
    return free;
  }

  /** Whether a send at {@code send} still counts in the rolling day ending at {@code now}. */
  public static boolean stillCounts(Instant send, Instant now, TimeScale scale) {
    return send.isAfter(now.minus(scale.dayLength()));
  }

  /** The sends still relevant at {@code now}: younger than a scaled day (older ones can be forgotten). */
  public static List<Instant> stillCounting(Collection<Instant> sends, Instant now, TimeScale scale) {
    Instant horizon = now.minus(scale.dayLength());
    return sends.stream().filter(s -> s.isAfter(horizon)).sorted().toList();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
