package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.List;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.StepType;

/**
 * Everything that happened to one person's enrollments. {@code commandId} is the causation id;
 * {@code eventId} is derived deterministically from it, so replaying a command yields the same ids.
 */
public sealed interface EnrollmentEvent {

    EventMeta meta();

    /**
     * @param startStepIndex  0 for a first enrollment; the next step when re-enrolled into the same sequence
     * @param sequenceVersion the sequence's version at enrollment: the steps the enrollment follows
     * @param taskAssigneeId  who gets its TASK steps (from the sequence's task_assignment), or null
     * @param companyDomain   the person's normalized company domain, or null
     */
    record Enrolled(EventMeta meta, String enrollmentId, String sequenceId, String mailboxId,
                    int startStepIndex, int sequenceVersion, String taskAssigneeId, String companyDomain)
            implements EnrollmentEvent {

        public Enrolled(EventMeta meta, String enrollmentId, String sequenceId, String mailboxId,
                        int startStepIndex, int sequenceVersion, String taskAssigneeId) {
            this(meta, enrollmentId, sequenceId, mailboxId, startStepIndex, sequenceVersion, taskAssigneeId, null);
        }

        /** Version 1, no task assignee. */
        public Enrolled(EventMeta meta, String enrollmentId, String sequenceId, String mailboxId, int startStepIndex) {
            this(meta, enrollmentId, sequenceId, mailboxId, startStepIndex, 1, null, null);
        }
    }

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
    /** The enrollment ended; {@code colleagueReply} says who replied for COLLEAGUE_REPLIED, else null. */
    record Unenrolled(EventMeta meta, String enrollmentId, FinishReason finishReason, boolean canceled,
                      ColleagueReply colleagueReply) implements EnrollmentEvent {

        public Unenrolled(EventMeta meta, String enrollmentId, FinishReason finishReason, boolean canceled) {
            this(meta, enrollmentId, finishReason, canceled, null);
        }
    }

    /**
     * The person was erased: their active enrollments ended (an Unenrolled PERSON_ERASED each, before
     * this event), every enrollment is kept without personal values, and (when an email was on record)
     * the email is suppressed.
     */
    record PersonErased(EventMeta meta, int enrollmentsEnded, int enrollmentsKept, boolean suppressed)
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

    /** @param variables for MISSING_VARIABLES / INVALID_VARIABLES, the variables at fault; else empty */
    record Blocked(EventMeta meta, String enrollmentId, BlockReason blockReason, List<String> variables)
            implements EnrollmentEvent {
        public Blocked {
            variables = variables == null ? List.of() : List.copyOf(variables);
        }

        public Blocked(EventMeta meta, String enrollmentId, BlockReason blockReason) {
            this(meta, enrollmentId, blockReason, List.of());
        }
    }

    record Unblocked(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    record Bounced(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    record BounceStopped(EventMeta meta, String enrollmentId) implements EnrollmentEvent {}

    /** @param finishes false for AUTOMATED replies, which do not end the enrollment */
    record Replied(EventMeta meta, String enrollmentId, Reply reply, boolean finishes) implements EnrollmentEvent {}

    /**
     * The enrollment ended because the person matches these rules. The evidence keeps which field of
     * which record matched, but not the value a person record held (personal data stays out of the
     * event log; the explanation endpoint shows current values while the person exists).
     */
    record Excluded(EventMeta meta, String enrollmentId, List<ExclusionMatch> matches) implements EnrollmentEvent {
        public Excluded {
            matches = matches.stream().map(ExclusionMatch::withoutPersonValues).toList();
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

    /**
     * Step {@code stepIndex} passed every send-time check and is in flight: an EMAIL step's send
     * request, or a TASK step's task, was written with this event.
     *
     * @param sendRequestId one per enrollment and step ({@link Ids#sendRequestId}, per attempt; a TASK step's {@link Ids#taskId}): the mailer dedupes on it,
     *                      and it is the task id of a TASK step
     */
    record StepDispatched(EventMeta meta, String enrollmentId, int stepIndex, int attempt, StepType stepType,
                          String sendRequestId, String mailboxId) implements EnrollmentEvent {}

    /** The enrollment follows version {@code toVersion} of its sequence now, at the same step position. */
    record EnrollmentUpgraded(EventMeta meta, String enrollmentId, int fromVersion, int toVersion, String jobId)
            implements EnrollmentEvent {}
}
