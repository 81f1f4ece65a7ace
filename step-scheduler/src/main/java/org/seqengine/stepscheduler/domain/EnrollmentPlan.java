package org.seqengine.stepscheduler.domain;

import java.time.Instant;

/**
 * What the scheduler does about an enrollment as enrollment-service last wrote it
 * ({@link #of}): pure, no clock, no store.
 */
public sealed interface EnrollmentPlan {

    /** Finished: nothing is scheduled for it any more. */
    record Forget() implements EnrollmentPlan {}

    /** A step is in flight (sent and not yet reported, or its task open): wait for its outcome. */
    record InFlight(int stepIndex) implements EnrollmentPlan {}

    /** Paused; {@code resumeAt} set when an out-of-office pause ends by itself (the scheduler sends the Resume). */
    record Paused(Instant resumeAt) implements EnrollmentPlan {}

    /** Blocked: retried once the cause is fixed. */
    record Blocked(String reason, int stepIndex) implements EnrollmentPlan {}

    /**
     * The update predates the outcome of the step the scheduler dispatched last: enrollment-service
     * answers every DispatchStep of an active, unpaused enrollment at that step with an event (dispatched,
     * blocked, excluded, stopped), so an update still showing the step ready is older than that answer.
     */
    record AwaitOutcome(int stepIndex) implements EnrollmentPlan {}

    /** Schedule step {@code stepIndex}, try {@code attempt}. */
    record Schedule(int stepIndex, int attempt) implements EnrollmentPlan {}

    /**
     * Attempts of an enrollment start at {@code attemptBase + 1}: the base grows each time the
     * enrollment comes back to the scheduler with no memory of its earlier dispatches (moved to another
     * mailbox, reopened), so a new dispatch never reuses an id enrollment-service has already decided.
     */
    static int firstAttempt(int generation) {
        return generation * 1000 + 1;
    }

    /**
     * @param last              the scheduler's last dispatch for this enrollment (null: none)
     * @param awaitingOutcome   that dispatch has no answer yet (no update since showed it in flight, blocked, ...)
     * @param generation        how many times the enrollment came back with no memory (see {@link #firstAttempt})
     */
    static EnrollmentPlan of(EnrollmentSnapshot e, Dispatch last, boolean awaitingOutcome, int generation) {
        if (!e.active()) {
            return new Forget();
        }
        if (e.dispatchedStepIndex() != null) {
            return new InFlight(e.dispatchedStepIndex());
        }
        if (e.isPaused()) {
            return new Paused(EnrollmentSnapshot.OUT_OF_OFFICE.equals(e.pauseReason()) ? e.resumeAt() : null);
        }
        if (e.isBlocked()) {
            return new Blocked(e.blockReason(), e.nextStepIndex());
        }
        int step = e.nextStepIndex();
        if (awaitingOutcome && last != null && last.stepIndex() == step) {
            return new AwaitOutcome(step);
        }
        return new Schedule(step, nextAttempt(last, step, generation));
    }

    /** The next try of {@code step}: one more than the last dispatch of that step, else the first. */
    static int nextAttempt(Dispatch last, int step, int generation) {
        return last != null && last.stepIndex() == step ? last.attempt() + 1 : firstAttempt(generation);
    }
}
