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
 * @param sequenceVersion the sequence version whose steps the enrollment follows
 * @param lastStepAt      when the last step completed (the next step's wait counts from here); null before
 * @param dispatchedStepIndex the step sent and not yet reported by the mailer (or whose task is open); null
 *                        when no step is in flight
 * @param dispatchedRequestId the send request / task id of the in-flight step
 * @param blockedVariables the template variables at fault while blocked for MISSING/INVALID_VARIABLES
 * @param taskAssigneeId  who gets the enrollment's TASK steps (fixed when it was enrolled), or null
 * @param companyDomain   the person's normalized company domain when enrolled (counted against its
 *                        max_active_enrollments_per_company while active), or null
 * @param colleagueReply  for COLLEAGUE_REPLIED: who replied, in which enrollment; else null
 * @param personErased    the person was erased: kept for analytics with ids and statuses, no personal values
 */
public record Enrollment(String id, String orgId, String personId, String sequenceId, String mailboxId,
                         Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                         int nextStepIndex, int stepsCompleted,
                         BlockReason blockReason, PauseReason pauseReason, Instant resumeAt,
                         Reply reply, FinishReason finishReason, boolean canceled, boolean bounced,
                         String updatedBy, List<ExclusionMatch> excludedBy,
                         int sequenceVersion, Instant lastStepAt, Integer dispatchedStepIndex,
                         String dispatchedRequestId, List<String> blockedVariables, String taskAssigneeId,
                         String companyDomain, ColleagueReply colleagueReply, boolean personErased) {

    public Enrollment {
        excludedBy = excludedBy == null ? List.of() : List.copyOf(excludedBy);
        blockedVariables = blockedVariables == null ? List.of() : List.copyOf(blockedVariables);
    }

    /** An enrollment of a person not erased. */
    public Enrollment(String id, String orgId, String personId, String sequenceId, String mailboxId,
                      Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                      int nextStepIndex, int stepsCompleted,
                      BlockReason blockReason, PauseReason pauseReason, Instant resumeAt,
                      Reply reply, FinishReason finishReason, boolean canceled, boolean bounced,
                      String updatedBy, List<ExclusionMatch> excludedBy,
                      int sequenceVersion, Instant lastStepAt, Integer dispatchedStepIndex,
                      String dispatchedRequestId, List<String> blockedVariables, String taskAssigneeId,
                      String companyDomain, ColleagueReply colleagueReply) {
        this(id, orgId, personId, sequenceId, mailboxId, createdAt, updatedAt, startedAt, endedAt, nextStepIndex,
                stepsCompleted, blockReason, pauseReason, resumeAt, reply, finishReason, canceled, bounced, updatedBy,
                excludedBy, sequenceVersion, lastStepAt, dispatchedStepIndex, dispatchedRequestId, blockedVariables,
                taskAssigneeId, companyDomain, colleagueReply, false);
    }

    /**
     * What an erased person's history keeps: ids, statuses, times and reasons; no reply subject, no
     * evidence values, no template variables.
     */
    public Enrollment erased() {
        List<ExclusionMatch> matches = excludedBy.stream().map(ExclusionMatch::withoutValues).toList();
        return new Enrollment(id, orgId, personId, sequenceId, mailboxId, createdAt, updatedAt, startedAt, endedAt,
                nextStepIndex, stepsCompleted, blockReason, pauseReason, resumeAt,
                reply == null ? null : reply.withoutPersonalValues(), finishReason, canceled, bounced, updatedBy,
                matches, sequenceVersion, lastStepAt, dispatchedStepIndex, dispatchedRequestId, List.of(),
                taskAssigneeId, companyDomain, colleagueReply, true);
    }

    /** An enrollment with no company domain. */
    public Enrollment(String id, String orgId, String personId, String sequenceId, String mailboxId,
                      Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                      int nextStepIndex, int stepsCompleted,
                      BlockReason blockReason, PauseReason pauseReason, Instant resumeAt,
                      Reply reply, FinishReason finishReason, boolean canceled, boolean bounced,
                      String updatedBy, List<ExclusionMatch> excludedBy,
                      int sequenceVersion, Instant lastStepAt, Integer dispatchedStepIndex,
                      String dispatchedRequestId, List<String> blockedVariables, String taskAssigneeId) {
        this(id, orgId, personId, sequenceId, mailboxId, createdAt, updatedAt, startedAt, endedAt, nextStepIndex,
                stepsCompleted, blockReason, pauseReason, resumeAt, reply, finishReason, canceled, bounced, updatedBy,
                excludedBy, sequenceVersion, lastStepAt, dispatchedStepIndex, dispatchedRequestId, blockedVariables,
                taskAssigneeId, null, null);
    }

    /** An enrollment of version 1 with nothing in flight, no blocked variables and no task assignee. */
    public Enrollment(String id, String orgId, String personId, String sequenceId, String mailboxId,
                      Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                      int nextStepIndex, int stepsCompleted,
                      BlockReason blockReason, PauseReason pauseReason, Instant resumeAt,
                      Reply reply, FinishReason finishReason, boolean canceled, boolean bounced,
                      String updatedBy, List<ExclusionMatch> excludedBy) {
        this(id, orgId, personId, sequenceId, mailboxId, createdAt, updatedAt, startedAt, endedAt, nextStepIndex,
                stepsCompleted, blockReason, pauseReason, resumeAt, reply, finishReason, canceled, bounced, updatedBy,
                excludedBy, 1, null, null, null, List.of(), null);
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

    /** A copy to change a few fields of (the evolver's way to keep every other field as it is). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether a step was dispatched and not yet reported (its email unreported, its task open). */
    public boolean hasStepInFlight() {
        return dispatchedStepIndex != null;
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
            case COLLEAGUE_REPLIED, PERSON_ERASED, SUPPRESSED ->
                    stepsCompleted > 0 ? DisplayStatus.COMPLETED : DisplayStatus.CANCELED;
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

    /** Mutable copy of an enrollment; {@link #build} makes the record. */
    public static final class Builder {
        private final Enrollment from;
        private String mailboxId;
        private Instant updatedAt, startedAt, endedAt, resumeAt, lastStepAt;
        private int nextStepIndex, stepsCompleted, sequenceVersion;
        private BlockReason blockReason;
        private PauseReason pauseReason;
        private Reply reply;
        private FinishReason finishReason;
        private boolean canceled, bounced;
        private String updatedBy, dispatchedRequestId, taskAssigneeId, companyDomain;
        private ColleagueReply colleagueReply;
        private boolean personErased;
        private List<ExclusionMatch> excludedBy;
        private Integer dispatchedStepIndex;
        private List<String> blockedVariables;

        private Builder(Enrollment x) {
            from = x;
            mailboxId = x.mailboxId;
            updatedAt = x.updatedAt;
            startedAt = x.startedAt;
            endedAt = x.endedAt;
            resumeAt = x.resumeAt;
            lastStepAt = x.lastStepAt;
            nextStepIndex = x.nextStepIndex;
            stepsCompleted = x.stepsCompleted;
            sequenceVersion = x.sequenceVersion;
            blockReason = x.blockReason;
            pauseReason = x.pauseReason;
            reply = x.reply;
            finishReason = x.finishReason;
            canceled = x.canceled;
            bounced = x.bounced;
            updatedBy = x.updatedBy;
            excludedBy = x.excludedBy;
            dispatchedStepIndex = x.dispatchedStepIndex;
            dispatchedRequestId = x.dispatchedRequestId;
            blockedVariables = x.blockedVariables;
            taskAssigneeId = x.taskAssigneeId;
            companyDomain = x.companyDomain;
            colleagueReply = x.colleagueReply;
            personErased = x.personErased;
        }

        public Builder mailboxId(String v) { mailboxId = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder endedAt(Instant v) { endedAt = v; return this; }
        public Builder nextStepIndex(int v) { nextStepIndex = v; return this; }
        public Builder stepsCompleted(int v) { stepsCompleted = v; return this; }
        public Builder pause(PauseReason reason, Instant resume) { pauseReason = reason; resumeAt = resume; return this; }
        public Builder reply(Reply v) { reply = v; return this; }
        public Builder finishReason(FinishReason v) { finishReason = v; return this; }
        public Builder canceled(boolean v) { canceled = v; return this; }
        public Builder bounced(boolean v) { bounced = v; return this; }
        public Builder updatedBy(String v) { updatedBy = v; return this; }
        public Builder excludedBy(List<ExclusionMatch> v) { excludedBy = v; return this; }
        public Builder sequenceVersion(int v) { sequenceVersion = v; return this; }
        public Builder lastStepAt(Instant v) { lastStepAt = v; return this; }
        public Builder taskAssigneeId(String v) { taskAssigneeId = v; return this; }
        public Builder companyDomain(String v) { companyDomain = v; return this; }
        public Builder colleagueReply(ColleagueReply v) { colleagueReply = v; return this; }

        /** Blocked for {@code reason} (null: unblocked) with the variables at fault (none for other reasons). */
        public Builder block(BlockReason reason, List<String> variables) {
            blockReason = reason;
            blockedVariables = reason == null || variables == null ? List.of() : variables;
            return this;
        }

        /** The step in flight (null, null: none). */
        public Builder dispatched(Integer stepIndex, String requestId) {
            dispatchedStepIndex = stepIndex;
            dispatchedRequestId = requestId;
            return this;
        }

        public Enrollment build() {
            return new Enrollment(from.id, from.orgId, from.personId, from.sequenceId, mailboxId, from.createdAt,
                    updatedAt, startedAt, endedAt, nextStepIndex, stepsCompleted, blockReason, pauseReason, resumeAt,
                    reply, finishReason, canceled, bounced, updatedBy, excludedBy, sequenceVersion, lastStepAt,
                    dispatchedStepIndex, dispatchedRequestId, blockedVariables, taskAssigneeId, companyDomain,
                    colleagueReply, personErased);
        }
    }
}
