package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.scheduler.domain.Windows.EVERY_DAY;
import static org.seqengine.scheduler.domain.Windows.WEEKDAYS;
import static org.seqengine.scheduler.domain.Windows.window;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SequenceTimingTest {

  private static final TimeScale REAL = TimeScale.realTime();

  @Test
  void theFirstStepIsDueWaitDaysAfterEnrollmentAndLaterStepsAfterTheActualSend() {
    SequenceTiming timing = SequenceTiming.anyTime(REAL);
    Instant enrolled = Instant.parse("2026-06-01T10:00:00Z");
    assertThat(timing.dueAt(enrolled, 0)).isEqualTo(enrolled);
    assertThat(timing.dueAt(enrolled, 3)).isEqualTo(Instant.parse("2026-06-04T10:00:00Z"));
  }

  @Test
  void waitDaysAreExactDaysSoTwoDaysAcrossDstAre48Hours() {
    SequenceTiming timing = new SequenceTiming(window("America/New_York", EVERY_DAY, "00:00", "24:00"), REAL);
    Instant saturdayNoonEst = Instant.parse("2026-03-07T17:00:00Z");
    assertThat(timing.scheduledAt(saturdayNoonEst, 2)).isEqualTo(Instant.parse("2026-03-09T17:00:00Z")); // 13:00 EDT
  }

  @Test
  void aStepDueOutsideTheWindowWaitsAndTheNextStepShiftsWithoutCatchingUp() {
    SequenceTiming timing = new SequenceTiming(window("Europe/Berlin", WEEKDAYS, "09:00", "17:00"), REAL);
    Instant enrolledFridayEvening = Instant.parse("2026-06-05T18:00:00Z"); // 20:00 CEST
    Instant step1 = timing.scheduledAt(enrolledFridayEvening, 0);
    assertThat(step1).isEqualTo(Instant.parse("2026-06-08T07:00:00Z")); // Monday 09:00
    Instant step1Sent = step1.plusSeconds(42); // capacity made it a little later
    Instant step2 = timing.scheduledAt(step1Sent, 1);
    assertThat(step2).isEqualTo(Instant.parse("2026-06-09T07:00:42Z")); // from the send, not from the enrollment
  }

  @Test
  void aStepDueInsideTheWindowGoesWhenDue() {
    SequenceTiming timing = new SequenceTiming(window("America/New_York", WEEKDAYS, "09:00", "17:00"), REAL);
    Instant due = Instant.parse("2026-06-03T15:00:00Z"); // 11:00 EDT
    assertThat(timing.scheduledAt(due, 0)).isEqualTo(due);
    assertThat(timing.allows(due)).isTrue();
  }

  @Test
  void aTwentySecondDayScalesWaitDaysAndTheWindow() {
    TimeScale scale = TimeScale.ofDayLength(Duration.ofSeconds(20));
    SequenceTiming timing = new SequenceTiming(window("UTC", EVERY_DAY, "09:00", "17:00"), scale);
    // real 1970-01-01T00:00:20Z is model day 2 00:00; its window is model 09:00-17:00 = real +7.5 s to +14.166.. s
    Instant start = Instant.parse("1970-01-01T00:00:20Z");
    assertThat(timing.dueAt(start, 3)).isEqualTo(Instant.parse("1970-01-01T00:01:20Z"));
    Interval window = timing.windowClosingAfter(start);
    assertThat(window.open()).isEqualTo(Instant.parse("1970-01-01T00:00:27.500Z"));
    assertThat(window.close()).isEqualTo(Instant.parse("1970-01-01T00:00:34.167Z")); // rounded up to a real ms
    assertThat(timing.scheduledAt(start, 0)).isEqualTo(window.open());
  }

  @Test
  void aScaledWindowAppliesToTodaysInstantsToo() {
    TimeScale scale = TimeScale.parse("PT1M");
    SequenceTiming timing = new SequenceTiming(window("America/New_York", WEEKDAYS, "09:00", "17:00"), scale);
    Instant now = Instant.parse("2026-06-03T12:00:00Z");
    Instant scheduled = timing.scheduledAt(now, 1);
    assertThat(scheduled).isAfterOrEqualTo(now.plus(Duration.ofMinutes(1)));
    assertThat(timing.allows(scheduled)).isTrue();
    assertThat(scheduled).isBefore(now.plus(Duration.ofMinutes(5))); // a scaled weekend is at most 3 scaled days
  }
}
