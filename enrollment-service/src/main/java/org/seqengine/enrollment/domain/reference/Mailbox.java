package org.seqengine.enrollment.domain.reference;

/**
 * A sending mailbox of an organization. Emails compare case-insensitively.
 *
 * @param dailyLimit            emails it may send over any rolling day, all sequences together
 * @param minSecondsBetweenSends the gap kept between two of its emails
 */
public record Mailbox(String orgId, String id, String email, String displayName, String ownerId,
                      boolean paused, boolean unauthorized, int dailyLimit, int minSecondsBetweenSends) {

    public static final int DEFAULT_DAILY_LIMIT = 200;

    /** A mailbox with the default limits (200 a day, no gap). */
    public Mailbox(String orgId, String id, String email, String displayName, String ownerId,
                   boolean paused, boolean unauthorized) {
        this(orgId, id, email, displayName, ownerId, paused, unauthorized, DEFAULT_DAILY_LIMIT, 0);
    }
}
