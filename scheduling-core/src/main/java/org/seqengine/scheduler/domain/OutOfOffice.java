package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When an enrollment paused by an out-of-office reply resumes.
 *
 * <p>With a return date: the start of that date (00:00, or the end of a DST gap at midnight) in
 * the sequence's schedule time zone, or UTC when the sequence has no schedule (mailboxes carry no
 * time zone; the schedule's zone is where the recipient is expected to read). A return date that is
 * today or already past resumes at once. Without one: {@value #DEFAULT_PAUSE_DAYS} scaled days
 * after the reply.
 *
 * <p>With a shorter day ({@link TimeScale}) the return date counts as a number of days after the
 * reply's date (both read in the zone, real calendar), and the enrollment resumes at the start of
 * that many scaled days after the reply's scaled day. With {@code P1D} the two readings agree.
 */
public final class OutOfOffice {

  public static final int DEFAULT_PAUSE_DAYS = 14;

  private OutOfOffice() {}

  public static ZoneId zoneOf(SendSchedule schedule) {
    return schedule instanceof SendWindow window ? window.timeZone() : ZoneOffset.UTC;
  }

  public static Instant resumeAt(Instant replyReceivedAt, Optional<LocalDate> returnDate, ZoneId zone, TimeScale scale) {
    if (returnDate.isEmpty()) {
      return replyReceivedAt.plus(scale.days(DEFAULT_PAUSE_DAYS));
    }
    long daysAway = ChronoUnit.DAYS.between(LocalDate.ofInstant(replyReceivedAt, zone), returnDate.get());
    LocalDate modelReturnDate = LocalDate.ofInstant(scale.toModel(replyReceivedAt), zone).plusDays(daysAway);
    Instant resume = scale.toReal(modelReturnDate.atStartOfDay(zone).toInstant());
    return resume.isAfter(replyReceivedAt) ? resume : replyReceivedAt;
  }

  /** A step pending when the pause began is due again no earlier than the resume (its window still applies). */
  public static Instant dueAfterResume(Instant originalDueAt, Instant resumedAt) {
    return originalDueAt.isAfter(resumedAt) ? originalDueAt : resumedAt;
  }
}
