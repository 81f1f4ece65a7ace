package org.seqengine.enrollment.api.dto;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.seqengine.enrollment.domain.ColleagueReply;
import org.seqengine.enrollment.domain.DisplayStatus;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentStatus;
import org.seqengine.enrollment.domain.FinishReason;
import org.seqengine.enrollment.domain.Reply;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.schemas.avro.ScheduleStatusRecord;

/**
 * The seed's Enrollment object, field for field, plus this system's explanations
 * ({@code display_status}, {@code finish_reason}, {@code block_reason}, {@code pause_reason}, ...,
 * {@code updated_by}: the actor of the command behind the last change; {@code excluded_by}: for an
 * Excluded enrollment, the rules that ended it with level, since when and evidence — empty otherwise).
 * For sending: {@code current_step_index} the step that runs next (= {@code next_step_index});
 * {@code next_step_due_at} and {@code waiting_for} (WINDOW, MAILBOX_CAPACITY, SEQUENCE_PAUSED; null
 * when it just waits for its due time) as step-scheduler last published them, null when nothing is
 * scheduled; {@code version} the sequence version it follows; {@code blocked_variables} the template
 * variables at fault while {@code block_reason} is MISSING_VARIABLES or INVALID_VARIABLES;
 * {@code task_assignee_id} who gets its TASK steps (fixed at enrollment). {@code company_domain} the
 * person's normalized company domain when enrolled (it counts there against a company limit while active;
 * null for enrollments made before company limits or of a person without one); {@code colleague_reply}
 * who replied, in which enrollment and how it was classified when it finished as COLLEAGUE_REPLIED, else null.
 * {@code person_erased}: the person was erased (DELETE /people/{id}?mode=erase); the enrollment is kept with
 * its ids, statuses and times, and no personal value ({@code person} shows the id only, the reply no subject).
 * The reply's subject is stored sealed with the person's key and opened for this view.
 */
public record EnrollmentView(
        String id, Instant createdAt, Instant updatedAt,
        SequenceRef sequence, PersonRef person, MailboxRef mailbox,
        ReplyMessage replyEmailMessage,
        EnrollmentStatus status,
        boolean isBlocked, boolean isBounced, boolean isCanceled, boolean isExcluded,
        boolean isOptedOut, boolean isPaused, boolean isReplied,
        Instant startedAt, Instant endedAt,
        DisplayStatus displayStatus, String finishReason, String blockReason, String pauseReason,
        Instant resumeAt, int nextStepIndex, int stepsCompleted, String updatedBy,
        List<ExclusionMatchView> excludedBy,
        int currentStepIndex, Instant nextStepDueAt, String waitingFor, int version, List<String> blockedVariables,
        String taskAssigneeId, String companyDomain, ColleagueReplyRef colleagueReply, boolean personErased) {

    public record SequenceRef(String id, String name, boolean isPaused) {}

    public record PersonRef(String id, String email, String firstName, String lastName, String linkedinUrl) {}

    public record MailboxRef(String id, String email, String displayName, boolean isPaused, boolean isUnauthorized) {}

    public record ReplyMessage(String id, String subject, List<Classification> classifications, Instant receivedAt) {}

    public record Classification(String id, String category) {}

    /** The colleague's reply that finished this enrollment. */
    public record ColleagueReplyRef(String personId, String enrollmentId, String classification) {}

    /**
     * Reference data may be null when it was deleted upstream; the ids are always known.
     *
     * @param schedule     what step-scheduler last said about the pending step (null: nothing scheduled)
     * @param replySubject the reply's subject, opened (null: none, or the person's key is gone)
     */
    public static EnrollmentView of(Enrollment e, Sequence sequence, Person person, Mailbox mailbox, boolean personOptedOut,
                                    ScheduleStatusRecord schedule, String replySubject) {
        // the scheduler's view may lag a step behind the enrollment's: only the pending step's status counts
        ScheduleStatusRecord pending = schedule != null && e.isActive() && schedule.getStepIndex() == e.nextStepIndex()
                ? schedule : null;
        return new EnrollmentView(
                e.id(), e.createdAt(), e.updatedAt(),
                sequence == null ? new SequenceRef(e.sequenceId(), null, false)
                        : new SequenceRef(sequence.id(), sequence.name(), sequence.paused()),
                person == null ? new PersonRef(e.personId(), null, null, null, null)
                        : new PersonRef(person.id(), person.email(), person.firstName(), person.lastName(), person.linkedinUrl()),
                mailbox == null ? new MailboxRef(e.mailboxId(), null, null, false, false)
                        : new MailboxRef(mailbox.id(), mailbox.email(), mailbox.displayName(), mailbox.paused(), mailbox.unauthorized()),
                reply(e.reply(), replySubject),
                e.status(),
                e.isBlocked(), e.isBounced(), e.displayStatus() == DisplayStatus.CANCELED, e.isExcluded(),
                e.isOptedOut() || personOptedOut, e.isPaused(), e.isReplied(),
                e.startedAt(), e.endedAt(),
                e.displayStatus(), name(e.finishReason()), name(e.blockReason()), name(e.pauseReason()),
                e.resumeAt(), e.nextStepIndex(), e.stepsCompleted(), e.updatedBy(), ExclusionMatchView.of(e.excludedBy()),
                e.nextStepIndex(), pending == null ? null : pending.getNextStepDueAt(),
                pending == null ? null : pending.getWaitingFor(), e.sequenceVersion(),
                e.isBlocked() ? e.blockedVariables() : List.of(), e.taskAssigneeId(), e.companyDomain(),
                colleagueReply(e), e.personErased());
    }

    private static ColleagueReplyRef colleagueReply(Enrollment e) {
        ColleagueReply c = e.colleagueReply();
        if (e.finishReason() != FinishReason.COLLEAGUE_REPLIED || c == null) return null;
        return new ColleagueReplyRef(c.personId(), c.enrollmentId(), name(c.classification()));
    }

    private static ReplyMessage reply(Reply r, String subject) {
        if (r == null) return null;
        String classificationId = UUID.nameUUIDFromBytes((r.replyId() + "/" + r.classification())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new ReplyMessage(r.replyId(), subject,
                List.of(new Classification(classificationId, r.classification().name())), r.receivedAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
