package org.seqengine.stepscheduler.streams;

import java.util.Map;
import java.util.TreeMap;
import org.seqengine.stepscheduler.domain.MailboxSettings;

/** The mailbox stage's memory of one mailbox (store {@link StoreNames#MAILBOXES}, JSON). */
public final class MailboxState {

    public MailboxSettings settings = MailboxSettings.unknown();
    /** Emails in the send log: dispatched within the rolling day (expired ones are removed before each use). */
    public int sendsInDay;
    /** The oldest send-log key still there; null when the log is empty. */
    public String sendLogHead;
    /** The latest email dispatched (epoch millis), for the minimum gap; null: none yet. */
    public Long latestSend;
    /** Entries in the capacity queue, stale ones included. */
    public long queueSize;
    /** Every capacity-queue key before this one was taken off: drains start here, past the deleted keys. */
    public String queueCursor;
    /** Arrival counter: breaks ties in FIFO order between emails due at the same instant. */
    public long arrivals;
    /** The pending capacity wake-up (epoch millis), if one is set. */
    public Long wakeAt;
    /** Enrollments of this mailbox waiting, by reason. */
    public Map<String, Long> waiting = new TreeMap<>();
}
