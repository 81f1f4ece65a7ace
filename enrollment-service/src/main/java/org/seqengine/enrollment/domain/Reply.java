package org.seqengine.enrollment.domain;

import java.time.Instant;

/**
 * A reply to a sequence email.
 *
 * @param subject       the subject in clear (only on records from before subjects were sealed), or null
 * @param sealedSubject the subject sealed with the person's key, or null
 */
public record Reply(String replyId, String subject, ReplyClassification classification, Instant receivedAt,
                    Sealed sealedSubject) {

    /** A reply with its subject in clear (or none). */
    public Reply(String replyId, String subject, ReplyClassification classification, Instant receivedAt) {
        this(replyId, subject, classification, receivedAt, null);
    }

    /** The reply without its subject: what an erased person's history keeps. */
    public Reply withoutPersonalValues() {
        return new Reply(replyId, null, classification, receivedAt, null);
    }
}
