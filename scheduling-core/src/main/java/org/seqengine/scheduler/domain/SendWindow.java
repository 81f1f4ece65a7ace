package org.seqengine.scheduler.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A sequence's send window: on each of {@code days} (local dates in {@code timeZone}), from
 * {@code start} to {@code end}. {@code end} {@link LocalTime#MIDNIGHT} means the end of the day
 * (24:00). Windows never cross midnight: {@code start < end} (see {@link SendWindowParser}).
 *
 * <p>The window of a date is the half-open interval from the <em>first instant at which the local
 * clock reads {@code start} or later</em> to the first instant at which it reads {@code end} or
 * later, on that date. So a time that falls into a spring-forward gap means the end of the gap
 * (02:30 on a day when 02:00 jumps to 03:00 means 03:00), and an ambiguous fall-back time means its
 * first occurrence (the earlier offset). A window emptied by a gap (02:10 to 02:50 on that day)
 * does not open that day.
 */
public record SendWindow(ZoneId timeZone, Set<DayOfWeek> days, LocalTime start, LocalTime end)
    implements SendSchedule {

  /** Dates searched ahead before giving up; a valid window opens at least once a week, DST or not. */
  private static final int SEARCH_DAYS = 22;

  public SendWindow {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("a send window needs at least one day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    if (!endsAtMidnight(end) && !start.isBefore(end)) {
      throw new IllegalArgumentException("a send window must start before it ends and not cross midnight");
    }
  }

  private static boolean endsAtMidnight(LocalTime end) {
    return end.equals(LocalTime.MIDNIGHT);
  }

  /** The window of one local date; empty when the date's weekday is not a send day or DST swallowed it. */
  public Interval on(LocalDate date) {
    if (!days.contains(date.getDayOfWeek())) {
      Instant dayStart = date.atStartOfDay(timeZone).toInstant();
      return new Interval(dayStart, dayStart);
    }
    Instant open = firstInstantReading(date.atTime(start));
    Instant close = endsAtMidnight(end)
        ? date.plusDays(1).atStartOfDay(timeZone).toInstant()
        : firstInstantReading(date.atTime(end));
    return new Interval(open, close.isBefore(open) ? open : close);
  }

  @Override
  public Interval windowClosingAfter(Instant model) {
    LocalDate date = LocalDate.ofInstant(model, timeZone);
    for (int i = 0; i < SEARCH_DAYS; i++) {
      Interval window = on(date.plusDays(i));
      if (!window.isEmpty() && window.close().isAfter(model)) {
        return window;
      }
    }
    throw new IllegalStateException("no send window within " + SEARCH_DAYS + " days of " + model + " for " + this);
  }

  /** The first instant at which the local clock reads {@code local} or later. */
  private Instant firstInstantReading(LocalDateTime local) {
    ZoneOffsetTransition transition = timeZone.getRules().getTransition(local);
    if (transition == null) {
      return local.atZone(timeZone).toInstant();
    }
    if (transition.isGap()) {
      return transition.getInstant(); // the clock jumps over `local`: the first reading after it
    }
    return local.atOffset(transition.getOffsetBefore()).toInstant(); // overlap: first occurrence
  }
}
