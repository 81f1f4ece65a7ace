package org.seqengine.enrollment.api.dto;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.seqengine.enrollment.domain.DisplayStatus;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentStatus;
import org.seqengine.enrollment.domain.Reply;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * The seed's Enrollment object, field for field, plus this system's explanations
 * ({@code display_status}, {@code finish_reason}, {@code block_reason}, {@code pause_reason}, ...,
 * {@code updated_by}: the actor of the command behind the last change; {@code excluded_by}: for an
 * Excluded enrollment, the rules that ended it with level, since when and evidence — empty otherwise).
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
        List<ExclusionMatchView> excludedBy) {

    public record SequenceRef(String id, String name, boolean isPaused) {}

    public record PersonRef(String id, String email, String firstName, String lastName, String linkedinUrl) {}

    public record MailboxRef(String id, String email, String displayName, boolean isPaused, boolean isUnauthorized) {}

    public record ReplyMessage(String id, String subject, List<Classification> classifications, Instant receivedAt) {}

    public record Classification(String id, String category) {}

    /** Reference data may be null when it was deleted upstream; the ids are always known. */
    public static EnrollmentView of(Enrollment e, Sequence sequence, Person person, Mailbox mailbox, boolean personOptedOut) {
        return new EnrollmentView(
                e.id(), e.createdAt(), e.updatedAt(),
                sequence == null ? new SequenceRef(e.sequenceId(), null, false)
                        : new SequenceRef(sequence.id(), sequence.name(), sequence.paused()),
                person == null ? new PersonRef(e.personId(), null, null, null, null)
                        : new PersonRef(person.id(), person.email(), person.firstName(), person.lastName(), person.linkedinUrl()),
                mailbox == null ? new MailboxRef(e.mailboxId(), null, null, false, false)
                        : new MailboxRef(mailbox.id(), mailbox.email(), mailbox.displayName(), mailbox.paused(), mailbox.unauthorized()),
                reply(e.reply()),
                e.status(),
                e.isBlocked(), e.isBounced(), e.displayStatus() == DisplayStatus.CANCELED, e.isExcluded(),
                e.isOptedOut() || personOptedOut, e.isPaused(), e.isReplied(),
                e.startedAt(), e.endedAt(),
                e.displayStatus(), name(e.finishReason()), name(e.blockReason()), name(e.pauseReason()),
                e.resumeAt(), e.nextStepIndex(), e.stepsCompleted(), e.updatedBy(), ExclusionMatchView.of(e.excludedBy()));
    }

    private static ReplyMessage reply(Reply r) {
        if (r == null) return null;
        String classificationId = UUID.nameUUIDFromBytes((r.replyId() + "/" + r.classification())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new ReplyMessage(r.replyId(), r.subject(),
                List.of(new Classification(classificationId, r.classification().name())), r.receivedAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
