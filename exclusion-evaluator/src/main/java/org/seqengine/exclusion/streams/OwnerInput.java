package org.seqengine.exclusion.streams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** The owner stage's input, keyed {@code org/owner_id}: the owner's mailboxes, and mailboxes handed to the owner. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OwnerInput.OwnedMailbox.class, name = "mailbox"),
        @JsonSubTypes.Type(value = OwnerInput.MailboxHandedOver.class, name = "handover")})
public sealed interface OwnerInput {

    /** One of the owner's mailboxes now; {@code owned} false: no longer the owner's. */
    record OwnedMailbox(String mailboxId, boolean paused, boolean unauthorized, boolean owned) implements OwnerInput {}

    /** The owner now owns {@code mailboxId}, which has these active enrollments. */
    record MailboxHandedOver(String mailboxId, List<EnrollmentOfPerson> enrollments) implements OwnerInput {
        public MailboxHandedOver {
            enrollments = List.copyOf(enrollments);
        }
    }

    record EnrollmentOfPerson(String enrollmentId, String personId) {}
}
