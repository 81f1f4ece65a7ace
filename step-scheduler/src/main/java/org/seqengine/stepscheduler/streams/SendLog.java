package org.seqengine.stepscheduler.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.scheduler.domain.MailboxCapacity;
import org.seqengine.scheduler.domain.MailboxLimits;
import org.seqengine.scheduler.domain.TimeScale;

/**
 * The emails each mailbox dispatched in the rolling day:
 * {@code <mailbox key>|<sent millis>|<enrollment id>|<step>|<attempt>}, oldest first. The mailbox
 * state keeps the count, the oldest key (the head) and the latest send, so deciding the next free
 * slot reads at most {@code count - daily_limit + 1} keys. Sends a day old are deleted from the head
 * before each use; a dispatch that sent nothing (blocked, excluded) gives its slot back.
 */
final class SendLog {

    /** What the API shows: emails counting now, and the next instant one more fits. */
    record Summary(int sendsInDay, Instant nextFreeAt) {}

    private final ReadOnlyKeyValueStore<String, String> reader;
    private final KeyValueStore<String, String> writer; // null: read-only (interactive queries)
    private final TimeScale scale;

    SendLog(KeyValueStore<String, String> log, TimeScale scale) {
        this.reader = log;
        this.writer = log;
        this.scale = scale;
    }

    private SendLog(ReadOnlyKeyValueStore<String, String> log, TimeScale scale) {
        this.reader = log;
        this.writer = null;
        this.scale = scale;
    }

    static SendLog readOnly(ReadOnlyKeyValueStore<String, String> log, TimeScale scale) {
        return new SendLog(log, scale);
    }

    String record(MailboxState mailbox, String mailboxKey, long at, String what) {
        String key = mailboxKey + Keyspace.SEP + Keyspace.millis(at) + Keyspace.SEP + what;
        writer.put(key, "");
        mailbox.sendsInDay++;
        if (mailbox.sendLogHead == null || key.compareTo(mailbox.sendLogHead) < 0) mailbox.sendLogHead = key;
        if (mailbox.latestSend == null || at > mailbox.latestSend) mailbox.latestSend = at;
        return key;
    }

    /** Deletes the sends that no longer count at {@code now}. */
    void expire(MailboxState mailbox, String mailboxKey, long now) {
        List<String> expired = new ArrayList<>();
        String head = null;
        for (KeyValue<String, String> kv : fromHead(mailbox, mailboxKey, mailbox.sendsInDay)) {
            if (counts(kv.key, mailboxKey, now)) {
                head = kv.key;
                break;
            }
            expired.add(kv.key);
        }
        expired.forEach(writer::delete);
        mailbox.sendsInDay -= expired.size();
        mailbox.sendLogHead = mailbox.sendsInDay == 0 ? null : head;
    }

    /** The next instant at or after {@code now} one more email fits (expired sends are deleted first). */
    Instant nextFreeAt(MailboxState mailbox, String mailboxKey, long now, MailboxLimits limits) {
        expire(mailbox, mailboxKey, now);
        return nextFree(mailbox, mailboxKey, mailbox.sendsInDay, now, limits, 0);
    }

    /** Gives back the slot of a dispatch that sent nothing; false if it no longer counted. */
    boolean refund(MailboxState mailbox, String mailboxKey, String key) {
        if (mailbox.sendLogHead == null || key.compareTo(mailbox.sendLogHead) < 0 || reader.get(key) == null) return false;
        writer.delete(key);
        mailbox.sendsInDay--;
        if (key.equals(mailbox.sendLogHead)) {
            List<KeyValue<String, String>> next = fromHead(mailbox, mailboxKey, mailbox.sendsInDay + 1);
            mailbox.sendLogHead = next.stream().map(kv -> kv.key).filter(k -> !k.equals(key)).findFirst().orElse(null);
        }
        return true;
    }

    /** Read-only: what {@link #nextFreeAt} would answer, without deleting anything. */
    Summary summary(MailboxState mailbox, String mailboxKey, long now, MailboxLimits limits) {
        int expired = 0;
        for (KeyValue<String, String> kv : fromHead(mailbox, mailboxKey, mailbox.sendsInDay)) {
            if (counts(kv.key, mailboxKey, now)) break;
            expired++;
        }
        int counting = mailbox.sendsInDay - expired;
        return new Summary(counting, nextFree(mailbox, mailboxKey, counting, now, limits, expired));
    }

    private Instant nextFree(MailboxState mailbox, String mailboxKey, int counting, long now, MailboxLimits limits,
                             int expiredAtHead) {
        Instant limiting = null;
        if (counting >= limits.dailyLimit()) {
            int index = expiredAtHead + counting - limits.dailyLimit();
            List<KeyValue<String, String>> head = fromHead(mailbox, mailboxKey, index + 1);
            limiting = Instant.ofEpochMilli(timeOf(head.get(index).key, mailboxKey));
        }
        Instant latest = mailbox.latestSend == null ? null : Instant.ofEpochMilli(mailbox.latestSend);
        return MailboxCapacity.nextFreeAt(counting, limiting, latest, Instant.ofEpochMilli(now), limits, scale);
    }

    private List<KeyValue<String, String>> fromHead(MailboxState mailbox, String mailboxKey, int max) {
        if (max <= 0 || mailbox.sendLogHead == null) return List.of();
        List<KeyValue<String, String>> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = reader.range(mailbox.sendLogHead, Keyspace.end(mailboxKey))) {
            while (out.size() < max && it.hasNext()) out.add(it.next());
        }
        return out;
    }

    private boolean counts(String key, String mailboxKey, long now) {
        return MailboxCapacity.stillCounts(Instant.ofEpochMilli(timeOf(key, mailboxKey)), Instant.ofEpochMilli(now), scale);
    }

    private static long timeOf(String key, String mailboxKey) {
        int start = mailboxKey.length() + 1;
        return Long.parseLong(key.substring(start, start + 20));
    }
}
