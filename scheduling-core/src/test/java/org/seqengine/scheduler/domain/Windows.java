package org.seqengine.scheduler.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** Test shorthand for send windows. */
final class Windows {

  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private Windows() {}

  static SendWindow window(String zone, Set<DayOfWeek> days, String start, String end) {
    return new SendWindow(ZoneId.of(zone), days, LocalTime.parse(start), end.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(end));
  }
}
