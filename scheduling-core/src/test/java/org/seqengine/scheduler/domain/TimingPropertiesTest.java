package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Due times and windows over random zones (DST-heavy ones included), windows, day lengths and instants. */
class TimingPropertiesTest {

  static final String[] ZONES = {
      "America/New_York", "Europe/Berlin", "UTC", "Australia/Lord_Howe", "Asia/Kolkata",
      "America/Santiago", "Pacific/Apia", "America/St_Johns", "Asia/Tehran"};

  @Property
  void aStepNeverGoesBeforeItIsDueNorOutsideItsWindowNorLaterThanNeeded(
      @ForAll("timings") SequenceTiming timing, @ForAll("instants") Instant previous, @ForAll("waitDays") int waitDays) {
    Instant due = timing.dueAt(previous, waitDays);
    Instant scheduled = timing.scheduledAt(previous, waitDays);
    assertThat(scheduled).isAfterOrEqualTo(due);
    assertThat(timing.allows(scheduled)).as("inside the window").isTrue();
    if (scheduled.isAfter(due)) {
      // the window's opening: nothing between due and then was allowed
      assertThat(timing.allows(due)).isFalse();
      assertThat(timing.allows(scheduled.minusMillis(1))).isFalse();
      Instant middle = due.plus(Duration.between(due, scheduled).dividedBy(2));
      assertThat(timing.allows(middle)).isFalse();
    }
  }

  @Property
  void laterStepsCountFromTheActualSendSoTheyNeverCatchUp(
      @ForAll("timings") SequenceTiming timing, @ForAll("instants") Instant enrolled,
      @ForAll("waitDays") int wait1, @ForAll("waitDays") int wait2, @ForAll("delays") Duration sendDelay) {
    Instant step1Sent = timing.scheduledAt(enrolled, wait1).plus(sendDelay);
    Instant step2 = timing.scheduledAt(step1Sent, wait2);
    assertThat(step2).isAfterOrEqualTo(step1Sent.plus(timing.scale().days(wait2)));
  }

  @Property
  void realAndModelTimeAgreeOnOrder(@ForAll("scales") TimeScale scale, @ForAll("instants") Instant real, @ForAll("instants") Instant model) {
    Instant r = Instant.ofEpochMilli(real.toEpochMilli());
    assertThat(!scale.toModel(r).isBefore(model)).isEqualTo(!r.isBefore(scale.toReal(model)));
  }

  @Provide
  Arbitrary<SequenceTiming> timings() {
    Arbitrary<SendSchedule> windows = Combinators.combine(
            Arbitraries.of(ZONES),
            Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1),
            Arbitraries.integers().between(0, 24 * 60 - 1),
            Arbitraries.integers().between(1, 24 * 60))
        .as((zone, days, startMinute, length) -> window(zone, days, startMinute, length));
    Arbitrary<SendSchedule> schedules = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(SendSchedule.AnyTime.INSTANCE)), net.jqwik.api.Tuple.of(9, windows));
    return Combinators.combine(schedules, scales()).as(SequenceTiming::new);
  }

  private static SendSchedule window(String zone, Set<DayOfWeek> days, int startMinute, int length) {
    int endMinute = Math.min(startMinute + length, 24 * 60);
    LocalTime end = endMinute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(endMinute * 60L);
    return new SendWindow(ZoneId.of(zone), days, LocalTime.ofSecondOfDay(startMinute * 60L), end);
  }

  @Provide
  Arbitrary<TimeScale> scales() {
    return Arbitraries.of("P1D", "P1D", "PT1H", "PT20S", "PT13S", "PT10S").map(TimeScale::parse);
  }

  @Provide
  Arbitrary<Instant> instants() {
    // 2010-2035, including the DST transition days of every zone above
    return Arbitraries.longs().between(1_262_304_000_000L, 2_051_222_400_000L).map(Instant::ofEpochMilli);
  }

  @Provide
  Arbitrary<Integer> waitDays() {
    return Arbitraries.integers().between(0, 30);
  }

  @Provide
  Arbitrary<Duration> delays() {
    return Arbitraries.longs().between(0, Duration.ofDays(3).toMillis()).map(Duration::ofMillis);
  }
}
