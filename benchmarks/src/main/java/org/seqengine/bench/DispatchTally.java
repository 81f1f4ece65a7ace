package org.seqengine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * The accounting of scenario "schedule": which (enrollment, step) dispatches are expected and when
 * each is due; for every DispatchStep seen, its lateness (observed time − due time) twice — when
 * the harness saw it committed, and by the record's own timestamp. Counts duplicates (the same
 * enrollment and step dispatched again, whatever the attempt), early ones (seen before due),
 * unexpected ones (an enrollment or step nobody scheduled) and, at the end, the missing ones.
 * Thread-safe (one consumer thread records, the scenario reads).
 */
public final class DispatchTally {

    /** Lateness above an hour is clipped to it (a run that late is broken anyway). */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Map<String, Integer> indexByKey = new HashMap<>();
    private long[] dueMillis = new long[1024];
    private int[] seen = new int[1024];
    private final Histogram observedLateness = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram timestampLateness = new Histogram(HIGHEST_MICROS, 3);
    private final TreeMap<Long, Long> perSecond = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();
    private long dispatches;
    private long firsts;
    private long duplicates;
    private long early;
    private long unexpected;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    /** Expects one dispatch of {@code stepIndex} of the enrollment, due at {@code due} (epoch millis). */
    public synchronized void expect(String enrollmentId, int stepIndex, long due) {
        int i = indexByKey.size();
        if (indexByKey.putIfAbsent(key(enrollmentId, stepIndex), i) != null) {
            throw new IllegalArgumentException("expected twice: " + key(enrollmentId, stepIndex));
        }
        if (i == dueMillis.length) {
            dueMillis = Arrays.copyOf(dueMillis, i * 2);
            seen = Arrays.copyOf(seen, i * 2);
        }
        dueMillis[i] = due;
    }

    /**
     * One DispatchStep seen: {@code observedMillis} when the harness read it (committed),
     * {@code recordTimestampMillis} the record's timestamp.
     */
    public synchronized void record(String enrollmentId, int stepIndex, long observedMillis, long recordTimestampMillis) {
        dispatches++;
        firstMillis = Math.min(firstMillis, observedMillis);
        lastMillis = Math.max(lastMillis, observedMillis);
        perSecond.merge(Math.floorDiv(observedMillis, 1000), 1L, Long::sum);
        Integer i = indexByKey.get(key(enrollmentId, stepIndex));
        if (i == null) {
            unexpected++;
            sample("unexpected dispatch: " + key(enrollmentId, stepIndex));
            return;
        }
        if (++seen[i] > 1) {
            duplicates++;
            sample("dispatched " + seen[i] + " times: " + key(enrollmentId, stepIndex));
            return;
        }
        firsts++;
        long due = dueMillis[i];
        if (observedMillis < due) {
            early++;
            sample("seen " + (due - observedMillis) + " ms before due: " + key(enrollmentId, stepIndex));
        } else {
            observedLateness.recordValue(Math.min(HIGHEST_MICROS, (observedMillis - due) * 1000));
        }
        // the record's own timestamp: whatever the scheduler stamped (its send time); never below 0 here
        timestampLateness.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, recordTimestampMillis - due) * 1000));
    }

    /** Every DispatchStep seen, duplicates and unexpected ones included. */
    public synchronized long dispatches() {
        return dispatches;
    }

    /** Expected dispatches seen at least once. */
    public synchronized long dispatchedOnce() {
        return firsts;
    }

    public synchronized long expected() {
        return indexByKey.size();
    }

    public synchronized long missing() {
        return indexByKey.size() - firsts;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long early() {
        return early;
    }

    public synchronized long unexpected() {
        return unexpected;
    }

    /** Duplicates, early, unexpected and (so far) missing dispatches. */
    public synchronized long errors() {
        return duplicates + early + unexpected + missing();
    }

    /** Lateness (µs) from the due time to the harness seeing the committed DispatchStep; first dispatch of each step. */
    public synchronized Histogram observedLatenessMicros() {
        return observedLateness.copy();
    }

    /** Lateness (µs) from the due time to the DispatchStep record's timestamp (0 when the timestamp is earlier). */
    public synchronized Histogram timestampLatenessMicros() {
        return timestampLateness.copy();
    }

    /** Dispatches per second from the first seen to the last seen (all of them, duplicates included). */
    public synchronized double firesPerSecond() {
        if (dispatches < 2 || lastMillis <= firstMillis) {
            return dispatches;
        }
        return dispatches / ((lastMillis - firstMillis) / 1000.0);
    }

    /** Seconds from the first dispatch seen to the last. */
    public synchronized double seconds() {
        return dispatches == 0 ? 0 : (lastMillis - firstMillis) / 1000.0;
    }

    /** The most dispatches seen within one wall-clock second. */
    public synchronized long peakPerSecond() {
        return perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    public synchronized long firstMillis() {
        return firstMillis;
    }

    public synchronized long lastMillis() {
        return lastMillis;
    }

    /** A few offending keys of each kind, then the first missing ones (at most 10 in all). */
    public synchronized List<String> samples() {
        List<String> all = new ArrayList<>(samples);
        if (all.size() < 10) {
            for (Map.Entry<String, Integer> e : indexByKey.entrySet()) {
                if (seen[e.getValue()] == 0) {
                    all.add("never dispatched: " + e.getKey());
                    if (all.size() >= 10) {
                        break;
                    }
                }
            }
        }
        return all;
    }

    private void sample(String s) {
        if (samples.size() < 9) {
            samples.add(s);
        }
    }

    private static String key(String enrollmentId, int stepIndex) {
        return enrollmentId + "#" + stepIndex;
    }
}
