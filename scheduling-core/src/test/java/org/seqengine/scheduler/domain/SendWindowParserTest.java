package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendWindowParserTest {

  @Test
  void parsesAValidSchedule() {
    Validated<SendWindow> result = SendWindowParser.parse("America/New_York", List.of("MON", "WED", "WED"), "09:00", "17:30");
    assertThat(result).isEqualTo(new Validated.Valid<>(new SendWindow(ZoneId.of("America/New_York"),
        java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), LocalTime.of(17, 30))));
  }

  @Test
  void acceptsTwentyFourHundredAsTheEndOfTheDay() {
    Validated<SendWindow> result = SendWindowParser.parse("UTC", List.of("SUN"), "00:00", "24:00");
    assertThat(result).isInstanceOf(Validated.Valid.class);
    assertThat(((Validated.Valid<SendWindow>) result).value().end()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(SendWindowParser.parse("UTC", List.of("SUN"), "09:00", "00:00"))
        .isEqualTo(SendWindowParser.parse("UTC", List.of("SUN"), "09:00", "24:00"));
  }

  @Test
  void reportsEveryBadFieldWithItsPath() {
    Validated<SendWindow> result = SendWindowParser.parse("Mars/Olympus", List.of("MON", "Funday"), "9am", "25:00");
    assertThat(errors(result)).extracting(ValidationError::code, ValidationError::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("INVALID_TIME_ZONE", List.of("schedule", "time_zone")),
        org.assertj.core.groups.Tuple.tuple("INVALID_DAY", List.of("schedule", "days", "1")),
        org.assertj.core.groups.Tuple.tuple("INVALID_TIME", List.of("schedule", "start_time")),
        org.assertj.core.groups.Tuple.tuple("INVALID_TIME", List.of("schedule", "end_time")));
  }

  @Test
  void anEmptyDaySetIsInvalid() {
    assertThat(errors(SendWindowParser.parse("UTC", List.of(), "09:00", "17:00")))
        .extracting(ValidationError::code).containsExactly("EMPTY_DAYS");
    assertThat(errors(SendWindowParser.parse("UTC", null, "09:00", "17:00")))
        .extracting(ValidationError::code).containsExactly("EMPTY_DAYS");
  }

  @Test
  void aWindowCrossingMidnightOrOfZeroLengthIsInvalid() {
    assertThat(errors(SendWindowParser.parse("UTC", List.of("FRI"), "22:00", "02:00")))
        .extracting(ValidationError::code, ValidationError::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("WINDOW_NOT_INCREASING", List.of("schedule", "end_time")));
    assertThat(errors(SendWindowParser.parse("UTC", List.of("FRI"), "09:00", "09:00")))
        .extracting(ValidationError::code).containsExactly("WINDOW_NOT_INCREASING");
  }

  @Test
  void missingFieldsAreRequiredAndStartCannotBe2400() {
    assertThat(errors(SendWindowParser.parse(null, List.of("MON"), null, "17:00")))
        .extracting(ValidationError::code).containsExactly("REQUIRED", "REQUIRED");
    assertThat(errors(SendWindowParser.parse("UTC", List.of("MON"), "24:00", "17:00")))
        .extracting(ValidationError::code).containsExactly("INVALID_TIME");
  }

  private static List<ValidationError> errors(Validated<SendWindow> result) {
    assertThat(result).isInstanceOf(Validated.Invalid.class);
    return ((Validated.Invalid<SendWindow>) result).errors();
  }
}
