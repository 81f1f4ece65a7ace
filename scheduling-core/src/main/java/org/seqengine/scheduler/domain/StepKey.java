package org.seqengine.scheduler.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * One dispatch of one step: {@code DispatchStep(enrollment_id, step_index, attempt)}. A step
 * rescheduled after being unblocked is a new attempt of the same step.
 */
public record StepKey(String enrollmentId, int stepIndex, int attempt) implements Comparable<StepKey> {

  private static final Comparator<StepKey> ORDER = Comparator.comparing(StepKey::enrollmentId)
      .thenComparingInt(StepKey::stepIndex).thenComparingInt(StepKey::attempt);

  public StepKey {
    Objects.requireNonNull(enrollmentId, "enrollmentId");
    if (stepIndex < 0 || attempt < 0) {
      throw new IllegalArgumentException("stepIndex and attempt must be >= 0");
    }
  }

  /** Whether this is a later step, or a later attempt of the same step, of the same enrollment. */
  public boolean isAfter(StepKey other) {
    return enrollmentId.equals(other.enrollmentId)
        && (stepIndex > other.stepIndex || (stepIndex == other.stepIndex && attempt > other.attempt));
  }

  @Override
  public int compareTo(StepKey o) {
    return ORDER.compare(this, o);
  }
}
