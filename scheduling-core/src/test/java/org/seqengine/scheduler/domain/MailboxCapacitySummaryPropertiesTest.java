package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The summary form of the capacity rule (what a store-backed send log keeps: how many sends count,
 * the one that must age out, the latest) answers exactly what the list form answers.
 */
class MailboxCapacitySummaryPropertiesTest {

  private static final Instant NOW = Instant.parse("2026-06-03T12:00:00Z");

  @Property(tries = 500)
  void theSummaryAgreesWithTheListOfSends(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 200_000) Integer> secondsAgo,
      @ForAll @IntRange(min = 1, max = 12) int dailyLimit,
      @ForAll @IntRange(min = 0, max = 7_200) int gap,
      @ForAll("scales") TimeScale scale) {
    List<Instant> sends = secondsAgo.stream().map(s -> NOW.minusMillis(s * 1000L * scale.dayLength().toMillis()
        / Duration.ofDays(1).toMillis())).toList();
    MailboxLimits limits = new MailboxLimits(dailyLimit, gap);

    List<Instant> counting = MailboxCapacity.stillCounting(sends, NOW, scale);
    assertThat(counting).allMatch(s -> MailboxCapacity.stillCounts(s, NOW, scale));
    int n = counting.size();
    Instant limiting = n >= dailyLimit ? counting.get(n - dailyLimit) : null;
    Instant latest = sends.stream().max(Instant::compareTo).orElse(null);

    assertThat(MailboxCapacity.nextFreeAt(n, limiting, latest, NOW, limits, scale))
        .isEqualTo(MailboxCapacity.nextFreeAt(counting, NOW, limits, scale));
  }

  @Provide
  Arbitrary<TimeScale> scales() {
    return Arbitraries.of(TimeScale.realTime(), TimeScale.parse("PT1H"), TimeScale.parse("PT20S"));
  }
}
