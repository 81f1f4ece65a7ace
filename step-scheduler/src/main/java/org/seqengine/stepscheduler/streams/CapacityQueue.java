package org.seqengine.stepscheduler.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each mailbox's FIFO of due emails waiting for capacity:
 * {@code <mailbox key>|<due millis>|<arrival>|<enrollment id>} -> enrollment key (first due, first out;
 * arrival order breaks ties). Entries leave only from the head, past which the mailbox's cursor
 * moves, so a drain starts after the deleted keys; an entry that stops mattering stays until the
 * head reaches it (lazy deletion). A drain reads at most as many keys as the mailbox has entries, so
 * it never runs on into the next mailbox's keys.
 */
final class CapacityQueue {

    private final KeyValueStore<String, String> queue;

    CapacityQueue(KeyValueStore<String, String> queue) {
        this.queue = queue;
    }

    String add(MailboxState mailbox, String mailboxKey, long dueAt, String enrollmentId, String enrollmentKey) {
        String key = mailboxKey + Keyspace.SEP + Keyspace.millis(dueAt) + Keyspace.SEP + Keyspace.millis(mailbox.arrivals++)
                + Keyspace.SEP + enrollmentId;
        queue.put(key, enrollmentKey);
        mailbox.queueSize++;
        if (mailbox.queueCursor != null && key.compareTo(mailbox.queueCursor) < 0) mailbox.queueCursor = key;
        return key;
    }

    /** Up to {@code max} entries from the head, in FIFO order (not taken off). */
    List<KeyValue<String, String>> head(MailboxState mailbox, String mailboxKey, int max) {
        long limit = Math.min(max, mailbox.queueSize);
        if (limit <= 0) return List.of();
        String from = mailbox.queueCursor != null ? mailbox.queueCursor : Keyspace.start(mailboxKey);
        List<KeyValue<String, String>> head = new ArrayList<>();
        try (KeyValueIterator<String, String> it = queue.range(from, Keyspace.end(mailboxKey))) {
            while (head.size() < limit && it.hasNext()) head.add(it.next());
        }
        return head;
    }

    /** Takes the head entry {@code key} off. */
    void take(MailboxState mailbox, String key) {
        queue.delete(key);
        mailbox.queueSize--;
        mailbox.queueCursor = key;
    }
}
