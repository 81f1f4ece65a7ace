package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

  @Test
  void theDefaultDayIsTheIdentity() {
    TimeScale scale = TimeScale.parse("P1D");
    Instant t = Instant.parse("2026-06-03T12:00:00.123456789Z");
    assertThat(scale.isRealTime()).isTrue();
    assertThat(scale.toModel(t)).isEqualTo(t);
    assertThat(scale.toReal(t)).isEqualTo(t);
    assertThat(scale.days(3)).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void aTwentySecondDayRunsTheModelClock4320TimesFaster() {
    TimeScale scale = TimeScale.parse("PT20S");
    assertThat(scale.toModel(Instant.parse("1970-01-01T00:00:20Z"))).isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
    assertThat(scale.toReal(Instant.parse("1970-01-01T12:00:00Z"))).isEqualTo(Instant.parse("1970-01-01T00:00:10Z"));
    assertThat(scale.toReal(Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(20));
    assertThat(scale.days(2)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void modelToRealRoundsUpAndRealToModelRoundsDown() {
    TimeScale scale = TimeScale.parse("PT13S"); // 86400/13 is not a whole number
    Instant model = Instant.ofEpochMilli(1_000);
    Instant real = scale.toReal(model);
    assertThat(scale.toModel(real)).isAfterOrEqualTo(model);
    assertThat(scale.toModel(real.minusMillis(1))).isBefore(model);
  }

  @Test
  void rejectsDaysShorterThanTenSecondsOrLongerThanADay() {
    assertThatThrownBy(() -> TimeScale.parse("PT9.999S")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeScale.parse("P2D")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeScale.parse("PT10.0005S")).isInstanceOf(IllegalArgumentException.class);
  }
}
