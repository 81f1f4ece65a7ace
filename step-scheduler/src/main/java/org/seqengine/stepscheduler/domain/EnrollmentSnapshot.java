package org.seqengine.stepscheduler.domain;

import java.time.Instant;

/**
 * What the scheduler reads of an enrollment (enrollments.v1, written only by enrollment-service).
 *
 * @param lastStepAt          when the last step completed (the next step's wait counts from here); null before the first
 * @param dispatchedStepIndex the step in flight (sent and not yet reported, or its task open); null when none
 * @param blockReason         why it is blocked (MISSING_VARIABLES, INVALID_VARIABLES, MAILBOX_PAUSED, ...), or null
 * @param pauseReason         MANUAL or OUT_OF_OFFICE, or null
 * @param resumeAt            when an out-of-office pause ends, or null
 * @param active              not finished
 * @param updatedAt           when enrollment-service last changed it (tells an answer to a dispatch from an older update)
 */
public record EnrollmentSnapshot(String orgId, String enrollmentId, String personId, String sequenceId,
                                 int sequenceVersion, String mailboxId, Instant createdAt, Instant lastStepAt,
                                 int nextStepIndex, Integer dispatchedStepIndex, String blockReason,
                                 String pauseReason, Instant resumeAt, boolean active, Instant updatedAt) {

    public static final String OUT_OF_OFFICE = "OUT_OF_OFFICE";

    /** The instant the next step's {@code wait_days} count from: the last step's completion, else the enrollment. */
    public Instant waitsFrom() {
        return lastStepAt != null ? lastStepAt : createdAt;
    }

    public boolean isBlocked() {
        return blockReason != null;
    }

    public boolean isPaused() {
        return pauseReason != null;
    }
}
