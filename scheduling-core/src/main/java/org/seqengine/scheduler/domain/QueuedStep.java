package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A step waiting in its mailbox's queue. {@code dueAt} is the raw due time (before the window);
 * {@code arrival} breaks ties between steps due at the same instant (lower first).
 */
public record QueuedStep(StepKey key, String sequenceId, StepKind kind, Instant dueAt, SequenceTiming timing, long arrival) {

  public QueuedStep {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sequenceId, "sequenceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(timing, "timing");
  }
}
