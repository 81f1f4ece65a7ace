package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.scheduler.domain.Windows.EVERY_DAY;
import static org.seqengine.scheduler.domain.Windows.WEEKDAYS;
import static org.seqengine.scheduler.domain.Windows.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One mailbox's dispatch loop over random event sequences (duplicates, cancellations, pauses,
 * ticks forward and backward, around the DST changes of New York and Berlin). Whatever happens:
 * a step goes at most once, never before it is due, never outside its window, never while its
 * sequence is paused, never after being cancelled; the mailbox never exceeds its limits over any
 * rolling day; and once every sequence is resumed, waking up at the planned times empties the queue.
 */
class DispatchLoopPropertiesTest {

  static final List<String> SEQUENCES = List.of("any", "berlin", "new-york");

  sealed interface Action {}
  record Schedule(int enrollment, int step, int attempt, int sequence, boolean task, int dueInMinutes) implements Action {}
  record Cancel(int enrollment, int step, int attempt) implements Action {}
  record Pause(int sequence) implements Action {}
  record Resume(int sequence) implements Action {}
  record Advance(int minutes) implements Action {}

  record Sent(QueuedStep step, Instant at) {}

  @Property(tries = 300)
  void theLoopKeepsEveryPromise(
      @ForAll("actions") List<Action> actions, @ForAll("starts") Instant start, @ForAll("limits") MailboxLimits limits,
      @ForAll("scales") TimeScale scale) {
    Map<String, SequenceTiming> timings = Map.of(
        "any", SequenceTiming.anyTime(scale),
        "berlin", new SequenceTiming(window("Europe/Berlin", WEEKDAYS, "09:00", "17:00"), scale),
        "new-york", new SequenceTiming(window("America/New_York", EVERY_DAY, "01:30", "03:00"), scale));
    Duration minute = scale.toReal(Duration.ofMinutes(1));

    MailboxQueue state = MailboxQueue.empty(limits, scale);
    Instant now = start;
    Set<String> paused = new HashSet<>();
    Map<StepKey, Boolean> live = new HashMap<>(); // scheduled and not cancelled since
    List<Sent> sent = new ArrayList<>();

    for (Action action : actions) {
      MailboxEvent event;
      if (action instanceof Schedule s) {
        StepKey key = new StepKey("e" + s.enrollment(), s.step(), s.attempt());
        String sequence = SEQUENCES.get(s.sequence());
        event = new MailboxEvent.StepScheduled(key, sequence, s.task() ? StepKind.TASK : StepKind.EMAIL,
            now.plus(minute.multipliedBy(s.dueInMinutes())), timings.get(sequence));
        live.put(key, true);
      } else if (action instanceof Cancel c) {
        StepKey key = new StepKey("e" + c.enrollment(), c.step(), c.attempt());
        event = new MailboxEvent.StepCancelled(key);
        live.put(key, false);
      } else if (action instanceof Pause p) {
        event = new MailboxEvent.SequencePaused(SEQUENCES.get(p.sequence()));
        paused.add(SEQUENCES.get(p.sequence()));
      } else if (action instanceof Resume r) {
        event = new MailboxEvent.SequenceResumed(SEQUENCES.get(r.sequence()));
        paused.remove(SEQUENCES.get(r.sequence()));
      } else {
        now = now.plus(minute.multipliedBy(((Advance) action).minutes()));
        event = new MailboxEvent.Tick(now);
      }
      MailboxQueue.Transition t = state.apply(event);
      for (QueuedStep step : t.dispatched()) {
        assertThat(paused).as("paused sequences dispatch nothing").doesNotContain(step.sequenceId());
        assertThat(live.get(step.key())).as("a cancelled step never goes").isTrue();
        sent.add(new Sent(step, t.state().lastTick()));
      }
      state = t.state();
    }

    // drain: resume everything and wake up exactly when the plan says
    for (String sequence : SEQUENCES) {
      state = state.apply(new MailboxEvent.SequenceResumed(sequence)).state();
    }
    Instant wake = state.lastTick().isAfter(now) ? state.lastTick() : now;
    for (int i = 0; i < 10_000 && !state.queued().isEmpty(); i++) {
      MailboxQueue.Transition t = state.apply(new MailboxEvent.Tick(wake));
      Instant at = wake;
      t.dispatched().forEach(step -> sent.add(new Sent(step, at)));
      state = t.state();
      if (!state.queued().isEmpty()) {
        Instant next = t.plan().orElseThrow().nextWakeUp().orElseThrow();
        assertThat(next).as("the next wake-up is in the future").isAfter(wake);
        wake = next;
      }
    }
    assertThat(state.queued()).as("everything due eventually goes").isEmpty();

    assertPromises(sent, limits, scale);
  }

  private static void assertPromises(List<Sent> sent, MailboxLimits limits, TimeScale scale) {
    Set<StepKey> seen = new HashSet<>();
    List<Instant> emails = new ArrayList<>();
    for (Sent s : sent) {
      assertThat(seen.add(s.step().key())).as("dispatched at most once: %s", s.step().key()).isTrue();
      assertThat(s.at()).as("never before due").isAfterOrEqualTo(s.step().dueAt());
      assertThat(s.step().timing().allows(s.at())).as("never outside the window").isTrue();
      if (s.step().kind() == StepKind.EMAIL) {
        emails.add(s.at());
      }
    }
    Duration day = scale.dayLength();
    Duration gap = scale.toReal(Duration.ofSeconds(limits.minSecondsBetweenSends()));
    for (int i = 0; i < emails.size(); i++) {
      Instant t = emails.get(i);
      long inRollingDay = emails.stream().filter(e -> e.isAfter(t.minus(day)) && !e.isAfter(t)).count();
      assertThat(inRollingDay).as("daily limit over the rolling day ending %s", t).isLessThanOrEqualTo(limits.dailyLimit());
      if (i > 0) {
        assertThat(Duration.between(emails.get(i - 1), t)).as("minimum gap").isGreaterThanOrEqualTo(gap);
      }
    }
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> schedule = Combinators.combine(
            Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 2), Arbitraries.of(false, false, false, true), Arbitraries.integers().between(-120, 3 * 24 * 60))
        .as(Schedule::new);
    Arbitrary<Action> cancel = Combinators.combine(
            Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2))
        .as(Cancel::new);
    Arbitrary<Action> pause = Arbitraries.integers().between(0, 2).map(Pause::new);
    Arbitrary<Action> resume = Arbitraries.integers().between(0, 2).map(Resume::new);
    Arbitrary<Action> advance = Arbitraries.integers().between(-30, 12 * 60).map(Advance::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, schedule), net.jqwik.api.Tuple.of(1, cancel), net.jqwik.api.Tuple.of(1, pause),
            net.jqwik.api.Tuple.of(2, resume), net.jqwik.api.Tuple.of(6, advance))
        .list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<Instant> starts() {
    // just before the spring-forward and fall-back weekends of New York (Mar 8, Nov 1) and Berlin (Mar 29, Oct 25) 2026
    return Arbitraries.of("2026-03-06T12:00:00Z", "2026-03-27T12:00:00Z", "2026-10-23T12:00:00Z", "2026-10-30T12:00:00Z",
            "2026-06-03T12:00:00Z")
        .map(Instant::parse);
  }

  @Provide
  Arbitrary<MailboxLimits> limits() {
    return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.of(0, 0, 60, 600, 7200)).as(MailboxLimits::new);
  }

  @Provide
  Arbitrary<TimeScale> scales() {
    return Arbitraries.of("P1D", "P1D", "PT20S", "PT13S").map(TimeScale::parse);
  }
}
