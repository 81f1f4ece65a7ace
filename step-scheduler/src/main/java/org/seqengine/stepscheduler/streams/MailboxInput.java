package org.seqengine.stepscheduler.streams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import org.seqengine.stepscheduler.domain.EnrollmentSnapshot;
import org.seqengine.stepscheduler.domain.MailboxSettings;

/** The mailbox stage's input (key {@code org/mailbox_id}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MailboxInput.EnrollmentChanged.class, name = "enrollment"),
        @JsonSubTypes.Type(value = MailboxInput.EnrollmentRemoved.class, name = "removed"),
        @JsonSubTypes.Type(value = MailboxInput.PersonChanged.class, name = "person"),
        @JsonSubTypes.Type(value = MailboxInput.MailboxChanged.class, name = "mailbox")})
public sealed interface MailboxInput {

    /**
     * An active enrollment of this mailbox as enrollment-service wrote it. {@code generation}: how many
     * times it came back with no scheduler memory (moved here, reopened). {@code person}: the person's
     * template fields, while it is blocked for template variables (else null).
     */
    record EnrollmentChanged(EnrollmentSnapshot enrollment, int generation, Map<String, Object> person)
            implements MailboxInput {}

    /**
     * The enrollment finished, its person was erased, or it moved to another mailbox ({@code moved}).
     * {@code at}: when enrollment-service wrote that (null: unknown).
     */
    record EnrollmentRemoved(String enrollmentKey, boolean moved, Instant at) implements MailboxInput {}

    /** The person of an enrollment blocked for template variables changed. */
    record PersonChanged(String enrollmentKey, Map<String, Object> person) implements MailboxInput {}

    /** The mailbox record changed (mailboxes.v1 is keyed by mailbox: read directly, never repartitioned). */
    record MailboxChanged(MailboxSettings mailbox) implements MailboxInput {}
}
