package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one mailbox does at {@code now}: the steps to dispatch (in FIFO order) and, for every other
 * queued step, why it waits and the earliest instant it could go ({@code notBefore}; absent while
 * its sequence is paused). {@code nextWakeUp} is the earliest of those instants: nothing changes
 * for this mailbox before it unless an input changes.
 */
public record MailboxPlan(List<QueuedStep> dispatch, Map<StepKey, Wait> waiting, Optional<Instant> nextWakeUp) {

  public MailboxPlan {
    dispatch = List.copyOf(dispatch);
    waiting = Map.copyOf(waiting);
  }

  /** Why a step waits; {@code notBefore} is a lower bound (steps ahead of it in FIFO may take the capacity first). */
  public record Wait(WaitReason reason, Optional<Instant> notBefore) {}
}
