package org.seqengine.enrollment.mapping;

import org.seqengine.enrollment.domain.BlockReason;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.EnrollmentCommand.*;
import org.seqengine.enrollment.domain.OptOutSource;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.schemas.avro.*;

/** Commands between the wire ({@link CommandEnvelope}) and the domain. */
public final class CommandMapper {

    private CommandMapper() {}

    /** @throws IllegalArgumentException when the envelope is not a valid command (it then goes to the DLQ) */
    public static EnrollmentCommand toDomain(CommandEnvelope env) {
        require(env.getCommandId(), "command_id");
        require(env.getOrgId(), "org_id");
        require(env.getPersonId(), "person_id");
        if (env.getIssuedAt() == null) throw new IllegalArgumentException("issued_at is required");
        CommandMeta meta = new CommandMeta(env.getCommandId(), env.getOrgId(), env.getPersonId(), env.getIssuedAt(),
                env.getActor(), env.getReason());
        Object p = env.getPayload();
        if (p instanceof EnrollCommand c) {
            if (c.getMailboxEmails().isEmpty() || c.getMailboxEmails().size() > 10) {
                throw new IllegalArgumentException("mailbox_emails needs 1..10 addresses");
            }
            return new Enroll(meta, require(c.getSequenceId(), "sequence_id"), c.getMailboxEmails(),
                    CompanyMapper.toDomain(c.getCompanySlot()));
        }
        if (p instanceof UnenrollCommand c) return new Unenroll(meta, require(c.getEnrollmentId(), "enrollment_id"));
        if (p instanceof UnenrollPersonCommand) return new UnenrollPerson(meta);
        if (p instanceof ErasePersonCommand c) return new ErasePerson(meta, c.getJobId());
        if (p instanceof OptOutCommand c) return new OptOut(meta, Enums.parse(OptOutSource.class, c.getSource(), "source"));
        if (p instanceof ClearOptOutCommand c) return new ClearOptOut(meta, c.getPermissionNote());
        if (p instanceof ClearCrmOptOutCommand) return new ClearCrmOptOut(meta);
        if (p instanceof PauseCommand c) return new Pause(meta, require(c.getEnrollmentId(), "enrollment_id"));
        if (p instanceof ResumeCommand c) return new Resume(meta, require(c.getEnrollmentId(), "enrollment_id"));
        if (p instanceof CompleteStepCommand c) {
            return new CompleteStep(meta, require(c.getEnrollmentId(), "enrollment_id"), c.getStepIndex());
        }
        if (p instanceof BlockCommand c) {
            return new Block(meta, require(c.getEnrollmentId(), "enrollment_id"),
                    Enums.parse(BlockReason.class, c.getBlockReason(), "block_reason"));
        }
        if (p instanceof UnblockCommand c) return new Unblock(meta, require(c.getEnrollmentId(), "enrollment_id"));
        if (p instanceof BounceCommand c) return new Bounce(meta, require(c.getEnrollmentId(), "enrollment_id"));
        if (p instanceof StopForBounceRiskCommand c) {
            return new StopForBounceRisk(meta, require(c.getEnrollmentId(), "enrollment_id"));
        }
        if (p instanceof RecordReplyCommand c) {
            return new RecordReply(meta, require(c.getEnrollmentId(), "enrollment_id"), require(c.getReplyId(), "reply_id"),
                    c.getSubject(), Enums.parse(ReplyClassification.class, c.getClassification(), "classification"),
                    c.getReceivedAt(), c.getReturnDate(), c.getOptOutRequested(), SealedMapper.toDomain(c.getSealedSubject()));
        }
        if (p instanceof ExcludeCommand c) return new Exclude(meta, ExclusionMatchMapper.toDomain(c.getMatches()));
        if (p instanceof ReassignMailboxCommand c) {
            return new ReassignMailbox(meta, require(c.getEnrollmentId(), "enrollment_id"), require(c.getMailboxId(), "mailbox_id"));
        }
        if (p instanceof MailboxOwnerChangedCommand c) {
            return new MailboxOwnerChanged(meta, require(c.getEnrollmentId(), "enrollment_id"),
                    require(c.getMailboxId(), "mailbox_id"), c.getReassignToMailboxId());
        }
        if (p instanceof ReopenEnrollmentCommand c) {
            return new ReopenEnrollment(meta, require(c.getEnrollmentId(), "enrollment_id"), c.getRuleId(), c.getJobId(),
                    CompanyMapper.toDomain(c.getCompanySlot()));
        }
        if (p instanceof StopForColleagueReplyCommand c) {
            if (c.getColleagueReply() == null) throw new IllegalArgumentException("colleague_reply is required");
            return new StopForColleagueReply(meta, require(c.getEnrollmentId(), "enrollment_id"),
                    CompanyMapper.toDomain(c.getColleagueReply()));
        }
        if (p instanceof DispatchStepCommand c) {
            return new DispatchStep(meta, require(c.getEnrollmentId(), "enrollment_id"),
                    nonNegative(c.getStepIndex(), "step_index"), positive(c.getAttempt(), "attempt"));
        }
        if (p instanceof UpgradeEnrollmentCommand c) {
            return new UpgradeEnrollment(meta, require(c.getEnrollmentId(), "enrollment_id"),
                    positive(c.getToVersion(), "to_version"), c.getJobId());
        }
        throw new IllegalArgumentException("unknown command payload " + (p == null ? "null" : p.getClass().getSimpleName()));
    }

    public static CommandEnvelope toAvro(EnrollmentCommand command) {
        CommandMeta m = command.meta();
        return CommandEnvelope.newBuilder()
                .setCommandId(m.commandId()).setOrgId(m.orgId()).setPersonId(m.personId())
                .setIssuedAt(m.issuedAt()).setActor(m.actor()).setReason(m.reason())
                .setPayload(payload(command))
                .build();
    }

    private static Object payload(EnrollmentCommand command) {
        if (command instanceof Enroll c) {
            return new EnrollCommand(c.sequenceId(), c.mailboxEmails(), CompanyMapper.toAvro(c.companySlot()));
        }
        if (command instanceof Unenroll c) return new UnenrollCommand(c.enrollmentId());
        if (command instanceof UnenrollPerson) return new UnenrollPersonCommand();
        if (command instanceof ErasePerson c) return new ErasePersonCommand(c.jobId());
        if (command instanceof OptOut c) return new OptOutCommand(c.source().name());
        if (command instanceof ClearOptOut c) return new ClearOptOutCommand(c.permissionNote() == null ? "" : c.permissionNote());
        if (command instanceof ClearCrmOptOut) return new ClearCrmOptOutCommand();
        if (command instanceof Pause c) return new PauseCommand(c.enrollmentId());
        if (command instanceof Resume c) return new ResumeCommand(c.enrollmentId());
        if (command instanceof CompleteStep c) return new CompleteStepCommand(c.enrollmentId(), c.stepIndex());
        if (command instanceof Block c) return new BlockCommand(c.enrollmentId(), c.blockReason().name());
        if (command instanceof Unblock c) return new UnblockCommand(c.enrollmentId());
        if (command instanceof Bounce c) return new BounceCommand(c.enrollmentId());
        if (command instanceof StopForBounceRisk c) return new StopForBounceRiskCommand(c.enrollmentId());
        if (command instanceof RecordReply c) {
            return new RecordReplyCommand(c.enrollmentId(), c.replyId(), c.subject(), SealedMapper.toAvro(c.sealedSubject()),
                    c.classification().name(), c.receivedAt(), c.returnDate(), c.optOutRequested());
        }
        if (command instanceof DispatchStep c) return new DispatchStepCommand(c.enrollmentId(), c.stepIndex(), c.attempt());
        if (command instanceof UpgradeEnrollment c) {
            return new UpgradeEnrollmentCommand(c.enrollmentId(), c.toVersion(), c.jobId());
        }
        if (command instanceof Exclude c) return new ExcludeCommand(ExclusionMatchMapper.toAvro(c.matches()));
        if (command instanceof ReassignMailbox c) return new ReassignMailboxCommand(c.enrollmentId(), c.mailboxId());
        if (command instanceof MailboxOwnerChanged c) {
            return new MailboxOwnerChangedCommand(c.enrollmentId(), c.mailboxId(), c.reassignToMailboxId());
        }
        if (command instanceof ReopenEnrollment c) {
            return new ReopenEnrollmentCommand(c.enrollmentId(), c.ruleId(), c.jobId(), CompanyMapper.toAvro(c.companySlot()));
        }
        if (command instanceof StopForColleagueReply c) {
            return new StopForColleagueReplyCommand(c.enrollmentId(), CompanyMapper.toAvro(c.colleagueReply()));
        }
        throw new IllegalArgumentException("unmapped command " + command.getClass().getSimpleName());
    }

    private static int nonNegative(int value, String field) {
        if (value < 0) throw new IllegalArgumentException(field + " must not be negative");
        return value;
    }

    private static int positive(int value, String field) {
        if (value < 1) throw new IllegalArgumentException(field + " must be at least 1");
        return value;
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
        return value;
    }
}
