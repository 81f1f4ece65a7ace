package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.List;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;

/**
 * Everything that happened to one person's enrollments. {@code commandId} is the causation id;
 * {@code eventId} is derived deterministically from it, so replaying a command yields the same ids.
 */
public sealed interface EnrollmentEvent {

    EventMeta meta();

    /** @param startStepIndex 0 for a first enrollment; the next step when re-enrolled into the same sequence */
    record Enrolled(EventMeta meta, String enrollmentId, String sequenceId, String mailboxId,
                    int startStepIndex) implements EnrollmentEvent {}

    /**
     * A command that could not be applied. For a rejected Enroll, {@code enrollmentId} is null and
     * {@code activeSequenceId}/{@code activeEnrollmentId} are set for ALREADY_ENROLLED_ACTIVE.
     */
    record EnrollmentRejected(EventMeta meta, String commandType, String sequenceId, String enrollmentId,
                              List<Rejection> reasons, String activeSequenceId, String activeEnrollmentId)
            implements EnrollmentEvent {
        public EnrollmentRejected {
            reasons = List.copyOf(reasons);
        }
    }

    record StepCompleted(EventMeta meta, String enrollmentId, int stepIndex) implements EnrollmentEvent {}

    /** The last step ran. */
    record Completed(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    /** @param canceled true when no step had completed (display status Canceled) */
    record Unenrolled(EventMeta meta, String enrollmentId, FinishReason finishReason, boolean canceled)
            implements EnrollmentEvent {}

    /** The person opted out; every listed active enrollment ended with OPTED_OUT. */
    record OptedOut(EventMeta meta, OptOutSource source, List<String> endedEnrollmentIds) implements EnrollmentEvent {
        public OptedOut {
            endedEnrollmentIds = List.copyOf(endedEnrollmentIds);
        }
    }

    record OptOutCleared(EventMeta meta, String permissionNote) implements EnrollmentEvent {}

    /** @param resumeAt set for out-of-office pauses, null for manual ones */
    record Paused(EventMeta meta, String enrollmentId, PauseReason pauseReason, Instant resumeAt)
            implements EnrollmentEvent {}

    record Resumed(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    record Blocked(EventMeta meta, String enrollmentId, BlockReason blockReason) implements EnrollmentEvent {}

    record Unblocked(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    record Bounced(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    record BounceStopped(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    /** @param finishes false for AUTOMATED replies, which do not end the enrollment */
    record Replied(EventMeta meta, String enrollmentId, Reply reply, boolean finishes) implements EnrollmentEvent {}

    record Excluded(EventMeta meta, String enrollmentId, List<ExclusionMatch> matches) implements EnrollmentEvent {
        public Excluded {
            matches = List.copyOf(matches);
        }
    }

    record MailboxReassigned(EventMeta meta, String enrollmentId, String fromMailboxId, String toMailboxId)
            implements EnrollmentEvent {}

    /**
     * An Excluded enrollment is active again at the step where it stopped ({@code nextStepIndex}).
     *
     * @param ruleId the exclusion rule being restored, null if not given
     * @param jobId  the restore job that reopened it, null if none
     */
    record Reopened(EventMeta meta, String enrollmentId, int nextStepIndex, String ruleId, String jobId)
            implements EnrollmentEvent {}
}
