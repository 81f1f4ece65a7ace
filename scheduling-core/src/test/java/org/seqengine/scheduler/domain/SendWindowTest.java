package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqengine.scheduler.domain.Windows.EVERY_DAY;
import static org.seqengine.scheduler.domain.Windows.WEEKDAYS;
import static org.seqengine.scheduler.domain.Windows.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendWindowTest {

  @Test
  void aWeekdayWindowInNewYorkIsNineToFiveLocalTime() {
    SendWindow w = window("America/New_York", WEEKDAYS, "09:00", "17:00");
    // 2026-06-03 is a Wednesday, EDT (UTC-4)
    assertThat(w.on(LocalDate.parse("2026-06-03")))
        .isEqualTo(new Interval(Instant.parse("2026-06-03T13:00:00Z"), Instant.parse("2026-06-03T21:00:00Z")));
    assertThat(w.on(LocalDate.parse("2026-06-06")).isEmpty()).as("Saturday").isTrue();
  }

  @Test
  void aStepDueOnSaturdayWaitsForMondaysOpening() {
    SendWindow w = window("Europe/Berlin", WEEKDAYS, "09:00", "17:00");
    Instant saturdayNoon = Instant.parse("2026-06-06T10:00:00Z");
    assertThat(w.windowClosingAfter(saturdayNoon).open()).isEqualTo(Instant.parse("2026-06-08T07:00:00Z"));
    assertThat(w.allows(saturdayNoon)).isFalse();
  }

  @Test
  void theWindowIsHalfOpenItsEndIsOutside() {
    SendWindow w = window("UTC", EVERY_DAY, "09:00", "17:00");
    assertThat(w.allows(Instant.parse("2026-06-03T09:00:00Z"))).isTrue();
    assertThat(w.allows(Instant.parse("2026-06-03T16:59:59.999Z"))).isTrue();
    assertThat(w.allows(Instant.parse("2026-06-03T17:00:00Z"))).isFalse();
    assertThat(w.windowClosingAfter(Instant.parse("2026-06-03T17:00:00Z")).open()).isEqualTo(Instant.parse("2026-06-04T09:00:00Z"));
  }

  @Test
  void anEndOf2400RunsToMidnight() {
    SendWindow w = window("UTC", EVERY_DAY, "20:00", "24:00");
    assertThat(w.on(LocalDate.parse("2026-06-03")).close()).isEqualTo(Instant.parse("2026-06-04T00:00:00Z"));
  }

  @Test
  void newYorkSpringForwardAStartInTheGapOpensWhenTheGapEnds() {
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z); 02:30 never happens
    SendWindow w = window("America/New_York", EVERY_DAY, "02:30", "05:00");
    Interval sunday = w.on(LocalDate.parse("2026-03-08"));
    assertThat(sunday.open()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    assertThat(sunday.close()).isEqualTo(Instant.parse("2026-03-08T09:00:00Z")); // 05:00 EDT
    assertThat(w.on(LocalDate.parse("2026-03-09")).open()).isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
  }

  @Test
  void berlinSpringForwardAWindowInsideTheGapDoesNotOpenThatDay() {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z)
    SendWindow w = window("Europe/Berlin", EVERY_DAY, "02:10", "02:50");
    assertThat(w.on(LocalDate.parse("2026-03-29")).isEmpty()).isTrue();
    Instant saturdayNight = Instant.parse("2026-03-28T23:00:00Z");
    assertThat(w.windowClosingAfter(saturdayNight).open()).isEqualTo(Instant.parse("2026-03-30T00:10:00Z")); // 02:10 CEST
  }

  @Test
  void newYorkFallBackAnAmbiguousStartMeansItsFirstOccurrence() {
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00Z); 01:30 happens at 05:30Z and 06:30Z
    SendWindow w = window("America/New_York", EVERY_DAY, "01:30", "03:00");
    Interval sunday = w.on(LocalDate.parse("2026-11-01"));
    assertThat(sunday.open()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    assertThat(sunday.close()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z")); // 03:00 EST: 2.5 h that day
  }

  @Test
  void berlinFallBackAnAmbiguousEndMeansItsFirstOccurrence() {
    // 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00Z); 02:30 happens at 00:30Z and 01:30Z
    SendWindow w = window("Europe/Berlin", EVERY_DAY, "01:00", "02:30");
    Interval sunday = w.on(LocalDate.parse("2026-10-25"));
    assertThat(sunday.open()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
    assertThat(sunday.close()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(w.allows(Instant.parse("2026-10-25T01:15:00Z"))).as("02:15 CET, the repeated hour").isFalse();
  }

  @Test
  void aBusinessDayWindowKeepsItsLocalTimesAcrossDst() {
    SendWindow w = window("Europe/Berlin", WEEKDAYS, "09:00", "17:00");
    assertThat(w.on(LocalDate.parse("2026-03-27")).open()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z")); // CET
    assertThat(w.on(LocalDate.parse("2026-03-30")).open()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // CEST
  }

  @Test
  void rejectsAnEmptyDaySetAndAWindowCrossingMidnight() {
    ZoneId utc = ZoneId.of("UTC");
    Set<DayOfWeek> none = EnumSet.noneOf(DayOfWeek.class);
    assertThatThrownBy(() -> new SendWindow(utc, none, LocalTime.of(9, 0), LocalTime.of(17, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SendWindow(utc, EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(2, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SendWindow(utc, EVERY_DAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
