package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxQueueTest {

  private static final TimeScale REAL = TimeScale.realTime();
  private static final SequenceTiming ANY = SequenceTiming.anyTime(REAL);
  private static final Instant T0 = Instant.parse("2026-06-03T12:00:00Z");

  private static MailboxEvent.StepScheduled scheduled(StepKey key, Instant due) {
    return new MailboxEvent.StepScheduled(key, "seq", StepKind.EMAIL, due, ANY);
  }

  private static MailboxQueue run(MailboxQueue state, List<MailboxEvent> events, List<QueuedStep> dispatched) {
    for (MailboxEvent e : events) {
      MailboxQueue.Transition t = state.apply(e);
      dispatched.addAll(t.dispatched());
      state = t.state();
    }
    return state;
  }

  @Test
  void aRepeatedScheduleOfADispatchedStepIsIgnored() {
    StepKey step = new StepKey("e1", 0, 0);
    List<QueuedStep> out = new java.util.ArrayList<>();
    MailboxQueue end = run(MailboxQueue.empty(MailboxLimits.DEFAULTS, REAL), List.of(
        scheduled(step, T0), new MailboxEvent.Tick(T0),
        scheduled(step, T0), new MailboxEvent.Tick(T0.plusSeconds(1))), out);
    assertThat(out).extracting(QueuedStep::key).containsExactly(step);
    assertThat(end.queued()).isEmpty();
  }

  @Test
  void aNewAttemptOfTheSameStepGoesAndAnOlderStepNeverComesBack() {
    List<QueuedStep> out = new java.util.ArrayList<>();
    run(MailboxQueue.empty(MailboxLimits.DEFAULTS, REAL), List.of(
        scheduled(new StepKey("e1", 1, 0), T0), new MailboxEvent.Tick(T0),
        scheduled(new StepKey("e1", 1, 1), T0), scheduled(new StepKey("e1", 0, 0), T0),
        new MailboxEvent.Tick(T0.plusSeconds(1))), out);
    assertThat(out).extracting(QueuedStep::key).containsExactly(new StepKey("e1", 1, 0), new StepKey("e1", 1, 1));
  }

  @Test
  void aLaterStepReplacesTheEnrollmentsQueuedOneAndCancelRemovesIt() {
    MailboxQueue q = run(MailboxQueue.empty(MailboxLimits.DEFAULTS, REAL), List.of(
        scheduled(new StepKey("e1", 0, 0), T0.plusSeconds(60)), scheduled(new StepKey("e1", 0, 1), T0.plusSeconds(90)),
        scheduled(new StepKey("e1", 0, 0), T0)), new java.util.ArrayList<>());
    assertThat(q.queued()).containsOnlyKeys(new StepKey("e1", 0, 1));
    q = q.apply(new MailboxEvent.StepCancelled(new StepKey("e1", 0, 1))).state();
    assertThat(q.queued()).isEmpty();
  }

  @Test
  void aPausedSequenceDispatchesNothingAndItsDueStepsGoOnResume() {
    List<QueuedStep> out = new java.util.ArrayList<>();
    MailboxQueue q = run(MailboxQueue.empty(MailboxLimits.DEFAULTS, REAL), List.of(
        new MailboxEvent.SequencePaused("seq"), scheduled(new StepKey("e1", 0, 0), T0), new MailboxEvent.Tick(T0.plusSeconds(5))), out);
    assertThat(out).isEmpty();
    q = run(q, List.of(new MailboxEvent.SequenceResumed("seq"), new MailboxEvent.Tick(T0.plusSeconds(6))), out);
    assertThat(out).extracting(QueuedStep::key).containsExactly(new StepKey("e1", 0, 0));
  }

  @Test
  void aTickBackInTimeCountsAsTheLastTick() {
    List<QueuedStep> out = new java.util.ArrayList<>();
    run(MailboxQueue.empty(MailboxLimits.DEFAULTS, REAL), List.of(
        new MailboxEvent.Tick(T0), scheduled(new StepKey("e1", 0, 0), T0), new MailboxEvent.Tick(T0.minusSeconds(30))), out);
    assertThat(out).hasSize(1);
  }
}
