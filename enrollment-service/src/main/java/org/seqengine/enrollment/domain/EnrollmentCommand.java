package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;

/** Everything that can be asked of one person's enrollments. */
public sealed interface EnrollmentCommand {

    CommandMeta meta();

    /**
     * Enroll the person in a sequence, sending from one of 1..10 candidate mailboxes.
     *
     * @param companySlot the company ledger's answer, when the command comes back from it; null when first sent
     */
    record Enroll(CommandMeta meta, String sequenceId, List<String> mailboxEmails, CompanySlot companySlot)
            implements EnrollmentCommand {
        public Enroll {
            mailboxEmails = List.copyOf(mailboxEmails);
        }

        public Enroll(CommandMeta meta, String sequenceId, List<String> mailboxEmails) {
            this(meta, sequenceId, mailboxEmails, null);
        }

        public Enroll withCompanySlot(CompanySlot slot) {
            return new Enroll(meta, sequenceId, mailboxEmails, slot);
        }
    }

    /** Stop one active enrollment (Canceled if no step completed, else Completed with reason UNENROLLED). */
    record Unenroll(CommandMeta meta, String enrollmentId) implements EnrollmentCommand {}

    /** Stop every active enrollment of the person. */
    record UnenrollPerson(CommandMeta meta) implements EnrollmentCommand {}

    /** Opt the person out: ends every active enrollment, blocks future ones. */
    record OptOut(CommandMeta meta, OptOutSource source) implements EnrollmentCommand {}

    /** Reverse an opt-out; needs the permission the person gave, recorded in the event. */
    record ClearOptOut(CommandMeta meta, String permissionNote) implements EnrollmentCommand {}

    /**
     * The CRM's {@code email_opt_out} flag went back to false: clears the opt-out only if the CRM made
     * it; an opt-out made here (link, admin, reply, API) needs a {@link ClearOptOut} with a note.
     */
    record ClearCrmOptOut(CommandMeta meta) implements EnrollmentCommand {}

    record Pause(CommandMeta meta, String enrollmentId) implements EnrollmentCommand {}

    record Resume(CommandMeta meta, String enrollmentId) implements EnrollmentCommand {}

    /**
     * From the step-scheduler: step {@code stepIndex} is due and may go now. The decider runs the
     * send-time checks and answers with exactly one outcome (see {@link DispatchChecks}); a
     * re-check after a block comes as the next {@code attempt}.
     */
    record DispatchStep(CommandMeta meta, String enrollmentId, int stepIndex, int attempt) implements EnrollmentCommand {}

    /**
     * Move an active enrollment to version {@code toVersion} of its sequence, keeping its step position.
     *
     * @param jobId the upgrade job issuing it, recorded on the event (null: none)
     */
    record UpgradeEnrollment(CommandMeta meta, String enrollmentId, int toVersion, String jobId)
            implements EnrollmentCommand {}

    /** Step {@code stepIndex} ran: the mailer reported it sent, or its task was completed. */
    record CompleteStep(CommandMeta meta, String enrollmentId, int stepIndex) implements EnrollmentCommand {}

    /** From the step-scheduler: the enrollment cannot send until the cause is fixed. */
    record Block(CommandMeta meta, String enrollmentId, BlockReason blockReason) implements EnrollmentCommand {}

    record Unblock(CommandMeta meta, String enrollmentId) implements EnrollmentCommand {}

    /** From the mailer: an email of this enrollment bounced (recorded also after it finished). */
    record Bounce(CommandMeta meta, String enrollmentId) implements EnrollmentCommand {}

    /** From the step-scheduler: the address was invalid or high-risk before sending. */
    record StopForBounceRisk(CommandMeta meta, String enrollmentId) implements EnrollmentCommand {}

    /**
     * From the mailer: the person replied. AUTOMATED replies do not finish the enrollment; with
     * a return date (out-of-office) they pause it until that date, else for 14 days. A reply to a
     * finished enrollment is recorded on it without reopening it or changing its finish reason.
     *
     * @param optOutRequested the reply asks to be removed: opts the person out (source REPLY) when the
     *                        organization's {@code auto_opt_out_on_removal_request} is on
     */
    record RecordReply(CommandMeta meta, String enrollmentId, String replyId, String subject,
                       ReplyClassification classification, Instant receivedAt, LocalDate returnDate,
                       boolean optOutRequested, Sealed sealedSubject)
            implements EnrollmentCommand {

        /** A reply whose subject is in clear (or absent). */
        public RecordReply(CommandMeta meta, String enrollmentId, String replyId, String subject,
                           ReplyClassification classification, Instant receivedAt, LocalDate returnDate,
                           boolean optOutRequested) {
            this(meta, enrollmentId, replyId, subject, classification, receivedAt, returnDate, optOutRequested, null);
        }

        /** This reply with its subject sealed (and no longer in clear). */
        public RecordReply sealed(Sealed subject) {
            return new RecordReply(meta, enrollmentId, replyId, null, classification, receivedAt, returnDate,
                    optOutRequested, subject);
        }

        /** A reply that asks for nothing. */
        public RecordReply(CommandMeta meta, String enrollmentId, String replyId, String subject,
                           ReplyClassification classification, Instant receivedAt, LocalDate returnDate) {
            this(meta, enrollmentId, replyId, subject, classification, receivedAt, returnDate, false);
        }
    }

    /**
     * From the exclusion-evaluator: the person matches these rules now. Ends active enrollments
     * where a matching rule applies to the sequence and has "remove from active sequences" on.
     */
    record Exclude(CommandMeta meta, List<ExclusionMatch> matches) implements EnrollmentCommand {
        public Exclude {
            matches = List.copyOf(matches);
        }
    }

    /**
     * From the exclusion-evaluator: the owner of {@code mailboxId} changed. An active enrollment still
     * sending from it is unenrolled (MAILBOX_OWNERSHIP_CHANGED) once a step was sent or when there is no
     * {@code reassignToMailboxId} (policy UNENROLL_ALL, or the new owner has no mailbox); a queued one
     * moves to that mailbox. See {@link MailboxOwnership}.
     */
    record MailboxOwnerChanged(CommandMeta meta, String enrollmentId, String mailboxId, String reassignToMailboxId)
            implements EnrollmentCommand {}

    /** Move a queued enrollment (no step sent yet) to another mailbox. */
    record ReassignMailbox(CommandMeta meta, String enrollmentId, String mailboxId) implements EnrollmentCommand {}

    /**
     * Reopen an enrollment that finished as Excluded, at the step where it stopped, if the person is
     * eligible now (see {@link ReopenChecks}).
     *
     * @param ruleId the exclusion rule being restored: the enrollment must have been excluded by it (null: any)
     * @param jobId  the restore job issuing it, recorded on the event (null: none)
     * @param companySlot the company ledger's answer, when the command comes back from it; null when first sent
     */
    record ReopenEnrollment(CommandMeta meta, String enrollmentId, String ruleId, String jobId, CompanySlot companySlot)
            implements EnrollmentCommand {

        public ReopenEnrollment(CommandMeta meta, String enrollmentId, String ruleId, String jobId) {
            this(meta, enrollmentId, ruleId, jobId, null);
        }

        public ReopenEnrollment withCompanySlot(CompanySlot slot) {
            return new ReopenEnrollment(meta, enrollmentId, ruleId, jobId, slot);
        }
    }

    /**
     * From the company ledger: a colleague at the same company domain replied (organization setting
     * {@code stop_company_on_reply}); an active enrollment finishes with COLLEAGUE_REPLIED, anything
     * else is a no-op.
     */
    /**
     * Erase the person (DELETE /people/{id}?mode=erase): end every active enrollment with
     * PERSON_ERASED and keep the history without personal values; the adapter shreds the person's
     * key, tombstones their records and suppresses their email in the same transaction.
     *
     * @param jobId the erase job that sent it, or null
     */
    record ErasePerson(CommandMeta meta, String jobId) implements EnrollmentCommand {}

    record StopForColleagueReply(CommandMeta meta, String enrollmentId, ColleagueReply colleagueReply)
            implements EnrollmentCommand {}
}
