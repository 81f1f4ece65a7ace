package org.seqengine.enrollment.mapping;

import java.util.List;
import org.seqengine.enrollment.domain.BlockReason;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.FinishReason;
import org.seqengine.enrollment.domain.OptOutSource;
import org.seqengine.enrollment.domain.PauseReason;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.CommandOutcome;
import org.seqengine.enrollment.domain.Rejection;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.domain.Reply;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.domain.reference.EnforcementLevel;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.CommandOutcomeRecord;
import org.seqengine.schemas.avro.RejectionRecord;
import org.seqengine.schemas.avro.ReplyRecord;

/** Person state and enrollments between the stores/topics (Avro) and the domain. */
public final class StateMapper {

    private StateMapper() {}

    public static PersonState toDomain(PersonStateRecord r) {
        return new PersonState(r.getOrgId(), r.getPersonId(),
                r.getEnrollments().stream().map(StateMapper::toDomain).toList(),
                r.getOptedOutAt(), Enums.parseOptional(OptOutSource.class, r.getOptOutSource(), "opt_out_source"),
                r.getErasedAt());
    }

    public static PersonStateRecord toAvro(PersonState s) {
        return PersonStateRecord.newBuilder()
                .setOrgId(s.orgId()).setPersonId(s.personId())
                .setEnrollments(s.enrollments().stream().map(StateMapper::toAvro).toList())
                .setOptedOutAt(s.optedOutAt()).setOptOutSource(Enums.name(s.optOutSource()))
                .setErasedAt(s.erasedAt())
                .build();
    }

    public static Enrollment toDomain(EnrollmentRecord r) {
        return new Enrollment(r.getId(), r.getOrgId(), r.getPersonId(), r.getSequenceId(), r.getMailboxId(),
                r.getCreatedAt(), r.getUpdatedAt(), r.getStartedAt(), r.getEndedAt(),
                r.getNextStepIndex(), r.getStepsCompleted(),
                Enums.parseOptional(BlockReason.class, r.getBlockReason(), "block_reason"),
                Enums.parseOptional(PauseReason.class, r.getPauseReason(), "pause_reason"),
                r.getResumeAt(), replyToDomain(r.getReply()),
                Enums.parseOptional(FinishReason.class, r.getFinishReason(), "finish_reason"),
                r.getCanceled(), r.getBounced(), r.getUpdatedBy(), ExclusionMatchMapper.toDomain(r.getExcludedBy()),
                r.getSequenceVersion(), r.getLastStepAt(), r.getDispatchedStepIndex(), r.getDispatchedRequestId(),
                r.getBlockedVariables(), r.getTaskAssigneeId(), r.getCompanyDomain(),
                CompanyMapper.toDomain(r.getColleagueReply()), r.getPersonErased());
    }

    public static EnrollmentRecord toAvro(Enrollment e) {
        return EnrollmentRecord.newBuilder()
                .setId(e.id()).setOrgId(e.orgId()).setPersonId(e.personId()).setSequenceId(e.sequenceId())
                .setMailboxId(e.mailboxId()).setCreatedAt(e.createdAt()).setUpdatedAt(e.updatedAt())
                .setStartedAt(e.startedAt()).setEndedAt(e.endedAt())
                .setNextStepIndex(e.nextStepIndex()).setStepsCompleted(e.stepsCompleted())
                .setBlockReason(Enums.name(e.blockReason())).setPauseReason(Enums.name(e.pauseReason()))
                .setResumeAt(e.resumeAt()).setReply(replyToAvro(e.reply()))
                .setFinishReason(Enums.name(e.finishReason())).setCanceled(e.canceled())
                .setBounced(e.bounced()).setUpdatedBy(e.updatedBy())
                .setExcludedBy(ExclusionMatchMapper.toAvro(e.excludedBy()))
                .setSequenceVersion(e.sequenceVersion()).setLastStepAt(e.lastStepAt())
                .setDispatchedStepIndex(e.dispatchedStepIndex()).setDispatchedRequestId(e.dispatchedRequestId())
                .setBlockedVariables(e.blockedVariables()).setTaskAssigneeId(e.taskAssigneeId())
                .setCompanyDomain(e.companyDomain()).setColleagueReply(CompanyMapper.toAvro(e.colleagueReply()))
                .setPersonErased(e.personErased())
                .build();
    }

    public static CommandOutcome toDomain(CommandOutcomeRecord r) {
        return new CommandOutcome(r.getCommandId(), r.getEnrollmentIds(), rejectionsToDomain(r.getRejections()),
                r.getActiveSequenceId(), r.getActiveEnrollmentId());
    }

    public static CommandOutcomeRecord toAvro(CommandOutcome c, java.time.Instant decidedAt) {
        return new CommandOutcomeRecord(c.commandId(), c.enrollmentIds(), rejectionsToAvro(c.rejections()),
                c.activeSequenceId(), c.activeEnrollmentId(), decidedAt);
    }

    public static List<Rejection> rejectionsToDomain(List<RejectionRecord> records) {
        return records.stream().map(r -> new Rejection(Enums.parse(RejectionCode.class, r.getCode(), "code"),
                r.getMessage(), r.getRuleId(), Enums.parseOptional(EnforcementLevel.class, r.getLevel(), "level"),
                r.getCompanyDomain(), r.getLimit(), r.getActiveCount())).toList();
    }

    public static List<RejectionRecord> rejectionsToAvro(List<Rejection> rejections) {
        return rejections.stream().map(r -> new RejectionRecord(r.code().name(), r.message(), r.ruleId(),
                Enums.name(r.level()), r.companyDomain(), r.limit(), r.activeCount())).toList();
    }

    static Reply replyToDomain(ReplyRecord r) {
        return r == null ? null : new Reply(r.getReplyId(), r.getSubject(),
                Enums.parse(ReplyClassification.class, r.getClassification(), "classification"), r.getReceivedAt(),
                SealedMapper.toDomain(r.getSealedSubject()));
    }

    static ReplyRecord replyToAvro(Reply r) {
        return r == null ? null : new ReplyRecord(r.replyId(), r.subject(), SealedMapper.toAvro(r.sealedSubject()),
                r.classification().name(), r.receivedAt());
    }
}
