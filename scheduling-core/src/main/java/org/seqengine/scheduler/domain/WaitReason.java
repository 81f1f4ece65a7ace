package org.seqengine.scheduler.domain;

import java.util.Optional;

/**
 * Why a step is not going out now. {@link #DUE_TIME} is "not due yet" and shows as no
 * {@code waiting_for} on the Enrollment; the others are its {@code waiting_for} values.
 */
public enum WaitReason {
  DUE_TIME,
  WINDOW,
  MAILBOX_CAPACITY,
  SEQUENCE_PAUSED;

  /** The Enrollment's {@code waiting_for}: empty while the step is simply not due yet. */
  public Optional<String> waitingFor() {
    return this == DUE_TIME ? Optional.empty() : Optional.of(name());
  }
}
