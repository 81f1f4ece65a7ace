package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which queued steps of one mailbox go at {@code now}.
 *
 * <p>Steps are served first in, first out: by due time, then arrival. A step goes when it is due,
 * its sequence is not paused, its sequence's window is open and (EMAIL only) the mailbox has
 * capacity. A step held by its own sequence (paused, window closed, not yet due) does not hold up
 * steps of other sequences behind it; capacity is the mailbox's, so once one email waits for
 * capacity every later email waits too.
 */
public final class MailboxPlanner {

  public static final Comparator<QueuedStep> FIFO =
      Comparator.comparing(QueuedStep::dueAt).thenComparingLong(QueuedStep::arrival).thenComparing(QueuedStep::key);

  private MailboxPlanner() {}

  public static MailboxPlan plan(
      MailboxLimits limits,
      Collection<Instant> sendHistory,
      Collection<QueuedStep> queue,
      Set<String> pausedSequences,
      Instant now,
      TimeScale scale) {
    List<Instant> sends = new ArrayList<>(MailboxCapacity.stillCounting(sendHistory, now, scale));
    List<QueuedStep> dispatch = new ArrayList<>();
    Map<StepKey, MailboxPlan.Wait> waiting = new HashMap<>();
    Instant wakeUp = null;

    for (QueuedStep step : queue.stream().sorted(FIFO).toList()) {
      MailboxPlan.Wait wait = waitOf(step, limits, sends, pausedSequences, now, scale);
      if (wait == null) {
        dispatch.add(step);
        if (step.kind().usesMailboxCapacity()) {
          sends.add(now);
        }
        continue;
      }
      waiting.put(step.key(), wait);
      if (wait.notBefore().isPresent() && (wakeUp == null || wait.notBefore().get().isBefore(wakeUp))) {
        wakeUp = wait.notBefore().get();
      }
    }
    return new MailboxPlan(dispatch, waiting, Optional.ofNullable(wakeUp));
  }

  /** Null when the step may go now. */
  private static MailboxPlan.Wait waitOf(
      QueuedStep step, MailboxLimits limits, List<Instant> sends, Set<String> paused, Instant now, TimeScale scale) {
    SequenceTiming timing = step.timing();
    if (paused.contains(step.sequenceId())) {
      return new MailboxPlan.Wait(WaitReason.SEQUENCE_PAUSED, Optional.empty());
    }
    if (step.dueAt().isAfter(now)) {
      return new MailboxPlan.Wait(WaitReason.DUE_TIME, Optional.of(timing.earliestSendableAt(step.dueAt())));
    }
    if (!timing.allows(now)) {
      return new MailboxPlan.Wait(WaitReason.WINDOW, Optional.of(timing.earliestSendableAt(now)));
    }
    if (!step.kind().usesMailboxCapacity()) {
      return null;
    }
    Instant free = MailboxCapacity.nextFreeAt(sends, now, limits, scale);
    if (free.isAfter(now)) {
      return new MailboxPlan.Wait(WaitReason.MAILBOX_CAPACITY, Optional.of(earliestBoth(timing, free, limits, sends, scale)));
    }
    return null;
  }

  /** The first instant at or after {@code from} when both the window is open and capacity is free. */
  private static Instant earliestBoth(SequenceTiming timing, Instant from, MailboxLimits limits, List<Instant> sends, TimeScale scale) {
    Instant t = from;
    for (int i = 0; i < 100; i++) {
      Instant open = timing.earliestSendableAt(t);
      Instant free = MailboxCapacity.nextFreeAt(sends, open, limits, scale);
      if (!free.isAfter(open)) {
        return open;
      }
      t = free;
    }
    return t; // a lower bound is still correct; the planner re-checks when it wakes up
  }
}
