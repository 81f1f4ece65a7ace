package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mailbox's dispatch loop as a pure state machine: {@code apply(event) -> (state, dispatches)}.
 * The Kafka Streams processor will keep this state in its stores; the rules live here.
 *
 * <p>At most once: a dispatched step leaves the queue, and the loop remembers the last dispatched
 * {@link StepKey} of each enrollment, so a repeated or late {@code StepScheduled} for that step or
 * an earlier one is ignored. A new attempt of the same step (after an unblock) is a new key and goes.
 * Time never runs backward inside the loop: a {@code Tick} earlier than the last one counts as the last one.
 */
public record MailboxQueue(
    MailboxLimits limits,
    TimeScale scale,
    Map<StepKey, QueuedStep> queued,
    List<Instant> recentSends,
    Map<String, StepKey> lastDispatched,
    Set<String> pausedSequences,
    Instant lastTick,
    long arrivals) {

  public MailboxQueue {
    queued = Map.copyOf(queued);
    recentSends = List.copyOf(recentSends);
    lastDispatched = Map.copyOf(lastDispatched);
    pausedSequences = Set.copyOf(pausedSequences);
  }

  public static MailboxQueue empty(MailboxLimits limits, TimeScale scale) {
    return new MailboxQueue(limits, scale, Map.of(), List.of(), Map.of(), Set.of(), Instant.EPOCH, 0);
  }

  /** The new state, the steps dispatched by this event, and (for a {@code Tick}) the mailbox's plan: only a Tick dispatches. */
  public record Transition(MailboxQueue state, List<QueuedStep> dispatched, Optional<MailboxPlan> plan) {}

  public Transition apply(MailboxEvent event) {
    if (event instanceof MailboxEvent.StepScheduled s) {
      return unchanged(schedule(s));
    } else if (event instanceof MailboxEvent.StepCancelled c) {
      return unchanged(withQueued(without(queued, c.key())));
    } else if (event instanceof MailboxEvent.SequencePaused p) {
      return unchanged(withPaused(plus(pausedSequences, p.sequenceId())));
    } else if (event instanceof MailboxEvent.SequenceResumed r) {
      return unchanged(withPaused(minus(pausedSequences, r.sequenceId())));
    } else if (event instanceof MailboxEvent.LimitsChanged l) {
      return unchanged(new MailboxQueue(l.limits(), scale, queued, recentSends, lastDispatched, pausedSequences, lastTick, arrivals));
    } else if (event instanceof MailboxEvent.Tick t) {
      return tick(t.now().isBefore(lastTick) ? lastTick : t.now());
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  private MailboxQueue schedule(MailboxEvent.StepScheduled s) {
    StepKey key = s.key();
    StepKey last = lastDispatched.get(key.enrollmentId());
    if (queued.containsKey(key) || (last != null && !key.isAfter(last))) {
      return this; // a repeat, or a step already dispatched
    }
    // an enrollment has one pending step: a later step or attempt replaces an earlier one, never the reverse
    if (queued.keySet().stream().anyMatch(k -> k.isAfter(key))) {
      return this;
    }
    Map<StepKey, QueuedStep> next = new HashMap<>(queued);
    next.keySet().removeIf(k -> k.enrollmentId().equals(key.enrollmentId()));
    next.put(key, new QueuedStep(key, s.sequenceId(), s.kind(), s.dueAt(), s.timing(), arrivals));
    return new MailboxQueue(limits, scale, next, recentSends, lastDispatched, pausedSequences, lastTick, arrivals + 1);
  }

  private Transition tick(Instant now) {
    MailboxPlan plan = MailboxPlanner.plan(limits, recentSends, queued.values(), pausedSequences, now, scale);
    Map<StepKey, QueuedStep> nextQueued = new HashMap<>(queued);
    List<Instant> sends = new ArrayList<>(MailboxCapacity.stillCounting(recentSends, now, scale));
    Map<String, StepKey> nextLast = new HashMap<>(lastDispatched);
    for (QueuedStep step : plan.dispatch()) {
      nextQueued.remove(step.key());
      nextLast.put(step.key().enrollmentId(), step.key());
      if (step.kind().usesMailboxCapacity()) {
        sends.add(now);
      }
    }
    MailboxQueue next = new MailboxQueue(limits, scale, nextQueued, sends, nextLast, pausedSequences, now, arrivals);
    return new Transition(next, plan.dispatch(), Optional.of(plan));
  }

  private Transition unchanged(MailboxQueue state) {
    return new Transition(state, List.of(), Optional.empty());
  }

  private MailboxQueue withQueued(Map<StepKey, QueuedStep> q) {
    return new MailboxQueue(limits, scale, q, recentSends, lastDispatched, pausedSequences, lastTick, arrivals);
  }

  private MailboxQueue withPaused(Set<String> paused) {
    return new MailboxQueue(limits, scale, queued, recentSends, lastDispatched, paused, lastTick, arrivals);
  }

  private static <K, V> Map<K, V> without(Map<K, V> map, K key) {
    Map<K, V> copy = new HashMap<>(map);
    copy.remove(key);
    return copy;
  }

  private static Set<String> plus(Set<String> set, String value) {
    Set<String> copy = new HashSet<>(set);
    copy.add(value);
    return copy;
  }

  private static Set<String> minus(Set<String> set, String value) {
    Set<String> copy = new HashSet<>(set);
    copy.remove(value);
    return copy;
  }
}
