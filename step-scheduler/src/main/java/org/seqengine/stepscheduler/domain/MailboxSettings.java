package org.seqengine.stepscheduler.domain;

import org.seqengine.scheduler.domain.MailboxLimits;

/**
 * A mailbox as the scheduler sees it (mailboxes.v1): its limits, whether it can send, and how many
 * times its record changed here ({@code revision}, so "the record changed since" is a number to compare).
 *
 * @param known false while no record exists (never seen, or deleted): default limits apply
 */
public record MailboxSettings(boolean known, boolean paused, boolean unauthorized, int dailyLimit,
                              int minSecondsBetweenSends, long revision) {

    public static MailboxSettings unknown() {
        return new MailboxSettings(false, false, false, MailboxLimits.DEFAULT_DAILY_LIMIT,
                MailboxLimits.DEFAULT_MIN_SECONDS_BETWEEN_SENDS, 0);
    }

    public boolean canSend() {
        return known && !paused && !unauthorized;
    }

    /** The limits; an out-of-range value (never accepted by the API, but a topic can hold anything) takes its default. */
    public MailboxLimits limits() {
        int limit = dailyLimit < 1 || dailyLimit > MailboxLimits.MAX_DAILY_LIMIT ? MailboxLimits.DEFAULT_DAILY_LIMIT : dailyLimit;
        int gap = minSecondsBetweenSends < 0 || minSecondsBetweenSends > MailboxLimits.MAX_MIN_SECONDS_BETWEEN_SENDS
                ? MailboxLimits.DEFAULT_MIN_SECONDS_BETWEEN_SENDS : minSecondsBetweenSends;
        return new MailboxLimits(limit, gap);
    }

    public MailboxSettings withRevision(long revision) {
        return new MailboxSettings(known, paused, unauthorized, dailyLimit, minSecondsBetweenSends, revision);
    }
}
