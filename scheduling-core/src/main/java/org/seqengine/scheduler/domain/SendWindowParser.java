package org.seqengine.scheduler.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a sequence's {@code schedule {time_zone, days, start_time, end_time}} as the API receives
 * it, reporting every bad field at once with its path. A missing schedule means "any time".
 *
 * <p>Rules: {@code time_zone} is an IANA zone id ({@code Europe/Berlin}) or {@code UTC};
 * {@code days} is a non-empty list of {@code MON TUE WED THU FRI SAT SUN} (repeats are harmless);
 * times are {@code HH:mm}; {@code end_time} may be {@code 24:00} (end of the day) and must be later
 * than {@code start_time}. A window that crosses midnight ({@code 22:00}-{@code 02:00}) is
 * rejected: which weekday its after-midnight part belongs to is exactly what users get wrong, and
 * the product's schedules are day-bounded too.
 */
public final class SendWindowParser {

  private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");
  private static final Map<String, DayOfWeek> DAYS = Map.of(
      "MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY, "WED", DayOfWeek.WEDNESDAY,
      "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
      "SUN", DayOfWeek.SUNDAY);

  private SendWindowParser() {}

  public static Validated<SendWindow> parse(String timeZone, List<String> days, String startTime, String endTime) {
    List<ValidationError> errors = new ArrayList<>();
    ZoneId zone = parseZone(timeZone, errors);
    Set<DayOfWeek> daySet = parseDays(days, errors);
    LocalTime start = parseTime(startTime, "start_time", false, errors);
    LocalTime end = parseTime(endTime, "end_time", true, errors);
    if (start != null && end != null && !end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
      errors.add(ValidationError.of("WINDOW_NOT_INCREASING",
          "end_time must be later than start_time on the same day; windows crossing midnight are not allowed",
          "schedule", "end_time"));
    }
    if (!errors.isEmpty()) {
      return new Validated.Invalid<>(errors);
    }
    return new Validated.Valid<>(new SendWindow(zone, daySet, start, end));
  }

  private static ZoneId parseZone(String timeZone, List<ValidationError> errors) {
    if (timeZone == null || timeZone.isBlank()) {
      errors.add(ValidationError.of("REQUIRED", "time_zone is required", "schedule", "time_zone"));
      return null;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      errors.add(ValidationError.of("INVALID_TIME_ZONE",
          "unknown time zone '" + timeZone + "' (use an IANA id such as Europe/Berlin)", "schedule", "time_zone"));
      return null;
    }
  }

  private static Set<DayOfWeek> parseDays(List<String> days, List<ValidationError> errors) {
    if (days == null || days.isEmpty()) {
      errors.add(ValidationError.of("EMPTY_DAYS", "days must name at least one of MON..SUN", "schedule", "days"));
      return null;
    }
    Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < days.size(); i++) {
      DayOfWeek day = days.get(i) == null ? null : DAYS.get(days.get(i));
      if (day == null) {
        errors.add(ValidationError.of("INVALID_DAY",
            "'" + days.get(i) + "' is not one of MON TUE WED THU FRI SAT SUN", "schedule", "days", String.valueOf(i)));
      } else {
        result.add(day);
      }
    }
    return result;
  }

  private static LocalTime parseTime(String text, String field, boolean endOfDayAllowed, List<ValidationError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(ValidationError.of("REQUIRED", field + " is required", "schedule", field));
      return null;
    }
    if (endOfDayAllowed && text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    if (HH_MM.matcher(text).matches()) {
      try {
        return LocalTime.parse(text);
      } catch (DateTimeParseException e) {
        // falls through to the error below
      }
    }
    errors.add(ValidationError.of("INVALID_TIME",
        field + " must be HH:mm" + (endOfDayAllowed ? " (or 24:00)" : "") + ", was '" + text + "'", "schedule", field));
    return null;
  }
}
