package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.scheduler.domain.Windows.WEEKDAYS;
import static org.seqengine.scheduler.domain.Windows.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutOfOfficeTest {

  private static final TimeScale REAL = TimeScale.realTime();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aReturnDateResumesAtTheStartOfThatDayInTheSequencesZone() {
    Instant reply = Instant.parse("2026-06-03T15:00:00Z");
    assertThat(OutOfOffice.resumeAt(reply, Optional.of(LocalDate.parse("2026-06-08")), NEW_YORK, REAL))
        .isEqualTo(Instant.parse("2026-06-08T04:00:00Z"));
  }

  @Test
  void aReturnDateAcrossDstUsesThatDaysOffset() {
    Instant reply = Instant.parse("2026-10-30T15:00:00Z"); // EDT
    assertThat(OutOfOffice.resumeAt(reply, Optional.of(LocalDate.parse("2026-11-02")), NEW_YORK, REAL))
        .isEqualTo(Instant.parse("2026-11-02T05:00:00Z")); // EST
  }

  @Test
  void aReturnDateThatIsTodayOrPastResumesAtOnce() {
    Instant reply = Instant.parse("2026-06-03T15:00:00Z");
    assertThat(OutOfOffice.resumeAt(reply, Optional.of(LocalDate.parse("2026-06-03")), NEW_YORK, REAL)).isEqualTo(reply);
    assertThat(OutOfOffice.resumeAt(reply, Optional.of(LocalDate.parse("2026-05-01")), NEW_YORK, REAL)).isEqualTo(reply);
  }

  @Test
  void withoutAReturnDateItResumesAfterFourteenScaledDays() {
    Instant reply = Instant.parse("2026-06-03T15:00:00Z");
    assertThat(OutOfOffice.resumeAt(reply, Optional.empty(), NEW_YORK, REAL)).isEqualTo(reply.plus(Duration.ofDays(14)));
    assertThat(OutOfOffice.resumeAt(reply, Optional.empty(), NEW_YORK, TimeScale.parse("PT20S"))).isEqualTo(reply.plusSeconds(280));
  }

  @Test
  void withAShortDayAReturnDateCountsScaledDaysFromTheReply() {
    TimeScale scale = TimeScale.parse("PT20S");
    Instant reply = Instant.parse("2026-06-03T15:00:05Z");
    Instant resume = OutOfOffice.resumeAt(reply, Optional.of(LocalDate.parse("2026-06-06")), ZoneOffset.UTC, scale);
    // three scaled days after the reply's scaled day: at the start of a 20 s block, 40-60 s later
    assertThat(Duration.between(reply, resume)).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(60));
    assertThat(resume.toEpochMilli() % 20_000).isZero();
  }

  @Test
  void theZoneIsTheSchedulesOrUtc() {
    assertThat(OutOfOffice.zoneOf(window("Europe/Berlin", WEEKDAYS, "09:00", "17:00"))).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(OutOfOffice.zoneOf(SendSchedule.AnyTime.INSTANCE)).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void aPendingStepIsDueNoEarlierThanTheResume() {
    Instant resumed = Instant.parse("2026-06-08T04:00:00Z");
    assertThat(OutOfOffice.dueAfterResume(Instant.parse("2026-06-05T00:00:00Z"), resumed)).isEqualTo(resumed);
    assertThat(OutOfOffice.dueAfterResume(Instant.parse("2026-06-09T00:00:00Z"), resumed)).isEqualTo(Instant.parse("2026-06-09T00:00:00Z"));
  }
}
