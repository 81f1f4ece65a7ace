package org.seqengine.stepscheduler.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every timer of a task in one store ordered by time ({@code <millis, 20 digits>|<kind>|<id>}):
 * a tick reads only what is due, never the whole schedule.
 *
 * <p>Timers are deleted only when they fire, in time order, and a saved cursor (every key before it
 * has fired) starts each scan, so a scan never walks over the deleted keys (RocksDB tombstones)
 * before it. A timer that stops mattering (its step was re-planned) is not deleted: it fires and is
 * ignored (lazy deletion), so no tombstone is ever left ahead of the cursor either. A timer is never
 * set in the past (at the earliest now), and one set before the cursor moves it back.
 */
final class TimerWheel {

    static final String STEP = "s";
    static final String RESUME = "r";
    static final String MAILBOX = "m";
    static final String CURSOR = "cursor:timers";

    record Timer(String key, long at, String kind, String id) {}

    private final KeyValueStore<String, String> timers;
    private final KeyValueStore<String, String> taskState;

    TimerWheel(KeyValueStore<String, String> timers, KeyValueStore<String, String> taskState) {
        this.timers = timers;
        this.taskState = taskState;
    }

    String add(long at, long now, String kind, String id) {
        String key = Keyspace.millis(Math.max(at, now)) + Keyspace.SEP + kind + Keyspace.SEP + id;
        timers.put(key, id);
        String cursor = taskState.get(CURSOR);
        if (cursor != null && key.compareTo(cursor) < 0) taskState.put(CURSOR, key);
        return key;
    }

    /** Takes off (deletes) up to {@code max} timers due at {@code now}, in time order, and moves the cursor past them. */
    List<Timer> takeDue(long now, int max) {
        String from = taskState.get(CURSOR);
        String to = Keyspace.millis(now) + Keyspace.AFTER_SEP;
        if (from != null && from.compareTo(to) > 0) return List.of(); // the wall clock stepped back
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = timers.range(from, to)) {
            while (due.size() < max && it.hasNext()) due.add(it.next());
        }
        List<Timer> fired = new ArrayList<>(due.size());
        for (KeyValue<String, String> kv : due) {
            timers.delete(kv.key);
            fired.add(new Timer(kv.key, timeOf(kv.key), kv.key.substring(21, 22), kv.value));
        }
        // all due timers fired: the cursor moves to the end of the range; else just past the last one fired
        taskState.put(CURSOR, due.size() < max ? to : due.get(due.size() - 1).key);
        return fired;
    }

    static long timeOf(String key) {
        return Long.parseLong(key.substring(0, 20));
    }
}
