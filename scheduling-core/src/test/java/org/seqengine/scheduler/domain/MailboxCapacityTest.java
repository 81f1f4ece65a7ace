package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxCapacityTest {

  private static final TimeScale REAL = TimeScale.realTime();
  private static final Instant NOW = Instant.parse("2026-06-03T12:00:00Z");

  @Test
  void underTheLimitAMailboxSendsNow() {
    List<Instant> sends = List.of(NOW.minusSeconds(10), NOW.minusSeconds(5));
    assertThat(MailboxCapacity.nextFreeAt(sends, NOW, new MailboxLimits(3, 0), REAL)).isEqualTo(NOW);
  }

  @Test
  void atTheLimitCapacityOpensWhenTheOldestCountingSendIsADayOld() {
    Instant first = NOW.minus(Duration.ofHours(20));
    List<Instant> sends = List.of(first, NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(1));
    assertThat(MailboxCapacity.nextFreeAt(sends, NOW, new MailboxLimits(3, 0), REAL))
        .isEqualTo(first.plus(Duration.ofDays(1)));
  }

  @Test
  void aSendExactlyOneDayOldNoLongerCounts() {
    List<Instant> sends = List.of(NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(1));
    assertThat(MailboxCapacity.nextFreeAt(sends, NOW, new MailboxLimits(2, 0), REAL)).isEqualTo(NOW);
    assertThat(MailboxCapacity.stillCounting(sends, NOW, REAL)).containsExactly(NOW.minusSeconds(1));
  }

  @Test
  void theMinimumGapCountsFromTheLatestSend() {
    List<Instant> sends = List.of(NOW.minusSeconds(100), NOW.minusSeconds(30));
    assertThat(MailboxCapacity.nextFreeAt(sends, NOW, new MailboxLimits(200, 60), REAL)).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void withATwentySecondDayTheRollingDayAndTheGapScale() {
    TimeScale scale = TimeScale.parse("PT20S");
    List<Instant> sends = List.of(NOW.minusSeconds(5));
    // the rolling day is 20 s of real time
    assertThat(MailboxCapacity.nextFreeAt(sends, NOW, new MailboxLimits(1, 0), scale)).isEqualTo(NOW.plusSeconds(15));
    // 4320 s of model gap = 4320 / 4320 = 1 s of real time
    assertThat(MailboxCapacity.nextFreeAt(List.of(NOW), NOW, new MailboxLimits(200, 4320), scale)).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void limitsTakeDefaultsAndNameTheBadField() {
    assertThat(MailboxLimits.parse(null, null)).isEqualTo(new Validated.Valid<>(new MailboxLimits(200, 0)));
    Validated<MailboxLimits> bad = MailboxLimits.parse(0, -1);
    assertThat(((Validated.Invalid<MailboxLimits>) bad).errors())
        .extracting(e -> e.path().get(0)).containsExactly("daily_limit", "min_seconds_between_sends");
  }
}
