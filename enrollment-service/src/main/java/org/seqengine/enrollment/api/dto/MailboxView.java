package org.seqengine.enrollment.api.dto;

import org.seqengine.schemas.avro.MailboxRecord;

/** A sending mailbox as stored. */
public record MailboxView(String id, String email, String displayName, String ownerId, boolean isPaused,
                          boolean isUnauthorized, int dailyLimit, int minSecondsBetweenSends) {

    public static MailboxView of(MailboxRecord r) {
        return new MailboxView(r.getId(), r.getEmail(), r.getDisplayName(), r.getOwnerId(), r.getIsPaused(),
                r.getIsUnauthorized(), r.getDailyLimit(), r.getMinSecondsBetweenSends());
    }
}
