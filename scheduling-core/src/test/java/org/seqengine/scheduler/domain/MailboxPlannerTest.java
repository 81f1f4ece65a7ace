package org.seqengine.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.scheduler.domain.Windows.WEEKDAYS;
import static org.seqengine.scheduler.domain.Windows.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailboxPlannerTest {

  private static final TimeScale REAL = TimeScale.realTime();
  private static final Instant NOW = Instant.parse("2026-06-03T12:00:00Z"); // Wednesday
  private static final SequenceTiming ANY = SequenceTiming.anyTime(REAL);
  private static final SequenceTiming BERLIN_9_TO_5 = new SequenceTiming(window("Europe/Berlin", WEEKDAYS, "09:00", "17:00"), REAL);
  private static final SequenceTiming TOKYO_9_TO_5 = new SequenceTiming(window("Asia/Tokyo", WEEKDAYS, "09:00", "17:00"), REAL);

  private static QueuedStep email(String enrollment, Instant due, long arrival, SequenceTiming timing) {
    return new QueuedStep(new StepKey(enrollment, 0, 0), "seq-" + enrollment, StepKind.EMAIL, due, timing, arrival);
  }

  @Test
  void dueStepsGoFirstInFirstOutUntilTheDailyLimitAndTheRestWaitForCapacity() {
    List<QueuedStep> queue = List.of(
        email("c", NOW.minusSeconds(10), 0, ANY),
        email("a", NOW.minusSeconds(30), 1, ANY),
        email("b", NOW.minusSeconds(30), 2, ANY));
    List<Instant> history = List.of(NOW.minus(Duration.ofHours(23)));
    MailboxPlan plan = MailboxPlanner.plan(new MailboxLimits(3, 0), history, queue, Set.of(), NOW, REAL);
    assertThat(plan.dispatch()).extracting(q -> q.key().enrollmentId()).containsExactly("a", "b");
    assertThat(plan.waiting().get(new StepKey("c", 0, 0)))
        .isEqualTo(new MailboxPlan.Wait(WaitReason.MAILBOX_CAPACITY, Optional.of(NOW.plus(Duration.ofHours(1)))));
    assertThat(plan.nextWakeUp()).contains(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void theGapLetsOneEmailGoAndTheNextWaitsTheGap() {
    List<QueuedStep> queue = List.of(email("a", NOW, 0, ANY), email("b", NOW, 1, ANY));
    MailboxPlan plan = MailboxPlanner.plan(new MailboxLimits(200, 90), List.of(), queue, Set.of(), NOW, REAL);
    assertThat(plan.dispatch()).extracting(q -> q.key().enrollmentId()).containsExactly("a");
    assertThat(plan.waiting().get(new StepKey("b", 0, 0)).notBefore()).contains(NOW.plusSeconds(90));
  }

  @Test
  void aClosedWindowHoldsOnlyItsOwnSequenceAndSaysWhen() {
    // 12:00Z Wednesday is 21:00 in Tokyo (closed) and 14:00 in Berlin (open)
    List<QueuedStep> queue = List.of(email("tokyo", NOW.minusSeconds(60), 0, TOKYO_9_TO_5), email("berlin", NOW, 1, BERLIN_9_TO_5));
    MailboxPlan plan = MailboxPlanner.plan(MailboxLimits.DEFAULTS, List.of(), queue, Set.of(), NOW, REAL);
    assertThat(plan.dispatch()).extracting(q -> q.key().enrollmentId()).containsExactly("berlin");
    assertThat(plan.waiting().get(new StepKey("tokyo", 0, 0)))
        .isEqualTo(new MailboxPlan.Wait(WaitReason.WINDOW, Optional.of(Instant.parse("2026-06-04T00:00:00Z"))));
  }

  @Test
  void capacityThatOpensAfterTheWindowClosesWaitsForTheNextWindow() {
    Instant late = Instant.parse("2026-06-03T14:30:00Z"); // 16:30 in Berlin
    // another sequence sent at 18:00 Berlin yesterday; with a limit of 1 capacity opens at 18:00 today, after the window
    List<Instant> history = List.of(Instant.parse("2026-06-02T16:00:00Z"));
    MailboxPlan plan = MailboxPlanner.plan(new MailboxLimits(1, 0), history, List.of(email("a", late, 0, BERLIN_9_TO_5)), Set.of(), late, REAL);
    assertThat(plan.waiting().get(new StepKey("a", 0, 0)))
        .isEqualTo(new MailboxPlan.Wait(WaitReason.MAILBOX_CAPACITY, Optional.of(Instant.parse("2026-06-04T07:00:00Z"))));
  }

  @Test
  void notYetDueStepsWaitForTheirDueTimeMovedIntoTheWindow() {
    Instant dueSaturday = Instant.parse("2026-06-06T10:00:00Z");
    MailboxPlan plan = MailboxPlanner.plan(MailboxLimits.DEFAULTS, List.of(), List.of(email("a", dueSaturday, 0, BERLIN_9_TO_5)), Set.of(), NOW, REAL);
    MailboxPlan.Wait wait = plan.waiting().get(new StepKey("a", 0, 0));
    assertThat(wait).isEqualTo(new MailboxPlan.Wait(WaitReason.DUE_TIME, Optional.of(Instant.parse("2026-06-08T07:00:00Z"))));
    assertThat(wait.reason().waitingFor()).isEmpty();
  }

  @Test
  void aPausedSequenceHoldsItsStepsWithoutAWakeUpAndOthersStillGo() {
    List<QueuedStep> queue = List.of(email("p", NOW.minusSeconds(5), 0, ANY), email("q", NOW, 1, ANY));
    MailboxPlan plan = MailboxPlanner.plan(MailboxLimits.DEFAULTS, List.of(), queue, Set.of("seq-p"), NOW, REAL);
    assertThat(plan.dispatch()).extracting(q -> q.key().enrollmentId()).containsExactly("q");
    assertThat(plan.waiting().get(new StepKey("p", 0, 0)))
        .isEqualTo(new MailboxPlan.Wait(WaitReason.SEQUENCE_PAUSED, Optional.empty()));
    assertThat(plan.nextWakeUp()).isEmpty();
    assertThat(WaitReason.SEQUENCE_PAUSED.waitingFor()).contains("SEQUENCE_PAUSED");
  }

  @Test
  void taskStepsCountAgainstNothing() {
    QueuedStep task = new QueuedStep(new StepKey("t", 1, 0), "seq-t", StepKind.TASK, NOW, ANY, 0);
    List<Instant> full = List.of(NOW.minusSeconds(1));
    MailboxPlan plan = MailboxPlanner.plan(new MailboxLimits(1, 3600), full, List.of(task, email("e", NOW, 1, ANY)), Set.of(), NOW, REAL);
    assertThat(plan.dispatch()).extracting(QueuedStep::key).containsExactly(new StepKey("t", 1, 0));
    assertThat(plan.waiting()).containsOnlyKeys(new StepKey("e", 0, 0));
  }
}
