package org.seqengine.scheduler.domain;

import java.time.Instant;

/** Inputs of one mailbox's dispatch loop ({@link MailboxQueue#apply}). */
public sealed interface MailboxEvent {

  /** A step was scheduled (delivered at least once: repeats are ignored). */
  record StepScheduled(StepKey key, String sequenceId, StepKind kind, Instant dueAt, SequenceTiming timing)
      implements MailboxEvent {}

  /** The enrollment ended, was paused or the step was re-planned: drop it if still queued. */
  record StepCancelled(StepKey key) implements MailboxEvent {}

  record SequencePaused(String sequenceId) implements MailboxEvent {}

  record SequenceResumed(String sequenceId) implements MailboxEvent {}

  record LimitsChanged(MailboxLimits limits) implements MailboxEvent {}

  /** Time passed: dispatch whatever may go at {@code now}. */
  record Tick(Instant now) implements MailboxEvent {}
}
