package org.seqengine.exclusion.streams;

import org.seqengine.schemas.avro.MailboxRecord;

/** What changes about a mailbox (the mailbox stage's input, keyed {@code org/mailbox_id}). */
public sealed interface MailboxInput {

    /** The mailbox record now; null: deleted. */
    record MailboxChange(MailboxRecord mailbox) implements MailboxInput {}

    /** An enrollment sending from the mailbox started ({@code active}) or stopped being active there. */
    record MailboxEnrollment(String enrollmentId, String personId, boolean active) implements MailboxInput {}
}
