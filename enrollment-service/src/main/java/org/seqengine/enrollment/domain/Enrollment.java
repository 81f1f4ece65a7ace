package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.List;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;

/**
 * One enrollment of a person in a sequence: the current state, rebuilt from events by
 * {@link EnrollmentDecider#evolve}. {@code finishReason == null} means active (IN_PROGRESS).
 *
 * @param nextStepIndex   the 0-based step that runs next
 * @param stepsCompleted  how many steps completed in this enrollment (0 = Queued / Canceled on unenroll)
 * @param resumeAt        when an out-of-office pause ends, else null
 * @param startedAt       when the first step completed; null while Queued
 * @param reply           the last reply received (also after the enrollment finished), or null
 * @param bounced         an email bounced, also after the enrollment finished (the finish reason stays)
 * @param updatedBy       the actor of the command behind the last change, null if unknown
 * @param excludedBy      for an Excluded enrollment, the matches (rule, level, since when, evidence)
 *                        that ended it; empty otherwise
 */
public record Enrollment(String id, String orgId, String personId, String sequenceId, String mailboxId,
                         Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                         int nextStepIndex, int stepsCompleted,
                         BlockReason blockReason, PauseReason pauseReason, Instant resumeAt,
                         Reply reply, FinishReason finishReason, boolean canceled, boolean bounced,
                         String updatedBy, List<ExclusionMatch> excludedBy) {

    public Enrollment {
        excludedBy = excludedBy == null ? List.of() : List.copyOf(excludedBy);
    }

    /** An enrollment that no exclusion ended. */
    public Enrollment(String id, String orgId, String personId, String sequenceId, String mailboxId,
                      Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                      int nextStepIndex, int stepsCompleted,
                      BlockReason blockReason, PauseReason pauseReason, Instant resumeAt,
                      Reply reply, FinishReason finishReason, boolean canceled, boolean bounced,
                      String updatedBy) {
        this(id, orgId, personId, sequenceId, mailboxId, createdAt, updatedAt, startedAt, endedAt, nextStepIndex,
                stepsCompleted, blockReason, pauseReason, resumeAt, reply, finishReason, canceled, bounced, updatedBy,
                List.of());
    }

    public boolean isActive() {
        return finishReason == null;
    }

    public boolean isPaused() {
        return pauseReason != null && isActive();
    }

    public boolean isBlocked() {
        return blockReason != null && isActive();
    }

    public EnrollmentStatus status() {
        return isActive() ? EnrollmentStatus.IN_PROGRESS : EnrollmentStatus.FINISHED;
    }

    public DisplayStatus displayStatus() {
        if (isActive()) {
            if (isPaused()) return DisplayStatus.PAUSED;
            if (isBlocked()) return DisplayStatus.BLOCKED;
            return stepsCompleted > 0 ? DisplayStatus.STARTED : DisplayStatus.QUEUED;
        }
        return switch (finishReason) {
            case SEQUENCE_COMPLETED, REPLIED -> DisplayStatus.COMPLETED;
            case UNENROLLED, MAILBOX_OWNERSHIP_CHANGED -> canceled ? DisplayStatus.CANCELED : DisplayStatus.COMPLETED;
            case OPTED_OUT -> stepsCompleted > 0 ? DisplayStatus.COMPLETED : DisplayStatus.FINISHED;
            case BOUNCED -> DisplayStatus.BOUNCED;
            case BOUNCE_STOPPED -> DisplayStatus.BOUNCE_STOPPED;
            case EXCLUDED -> DisplayStatus.EXCLUDED;
        };
    }

    public boolean isReplied() {
        return reply != null && reply.classification() != ReplyClassification.AUTOMATED;
    }

    public boolean isBounced() {
        return bounced || finishReason == FinishReason.BOUNCED || finishReason == FinishReason.BOUNCE_STOPPED;
    }

    public boolean isExcluded() {
        return finishReason == FinishReason.EXCLUDED;
    }

    /** Whether this enrollment finished as Excluded by {@code ruleId}. */
    public boolean isExcludedBy(String ruleId) {
        return isExcluded() && excludedBy.stream().anyMatch(m -> m.ruleId().equals(ruleId));
    }

    /** Whether this enrollment ended by opt-out; the API also reports a person opted out now (see EnrollmentView). */
    public boolean isOptedOut() {
        return finishReason == FinishReason.OPTED_OUT;
    }
}
