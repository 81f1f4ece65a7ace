package org.seqengine.stepscheduler.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.email;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timer wheel: a tick reads only what is due, from a saved cursor past every deleted key, and
 * at most a bounded number of timers (the rest go at the next tick).
 */
class TimerCursorTopologyTest {

    @TempDir
    Path stateDir;

    private SchedulerFixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    @Test
    void manyDeletedTimersBeforeADueOneAreBehindTheCursorAndTheDueOneFiresOnTime() {
        f = new SchedulerFixture(stateDir, SchedulerSettings.defaults(), true);
        f.sequence("soon", task(1));
        f.sequence("later", task(2));
        f.mailbox("mbx");
        for (int i = 0; i < 1_000; i++) f.enroll("s" + i, "p" + i, "soon", "mbx");
        f.enroll("due", "pd", "later", "mbx");
        for (int i = 0; i < 300; i++) f.enroll("gone" + i, "g" + i, "later", "mbx");
        for (int i = 0; i < 300; i++) f.finished("gone" + i, "UNENROLLED"); // their timers stay, stale
        f.statuses.readRecordsToList();

        f.advance(Duration.ofDays(1));
        assertThat(f.dispatched()).hasSize(1_000);
        String cursor = cursor();
        assertThat(timerKeys()).allMatch(k -> k.compareTo(cursor) > 0); // everything fired is deleted, before the cursor
        assertThat(cursor.substring(0, 20)).isEqualTo(String.format("%020d", f.now().toEpochMilli()));

        f.advance(Duration.ofDays(1).minusMillis(1));
        assertThat(f.dispatched()).isEmpty();
        f.advance(Duration.ofMillis(100));
        assertThat(f.dispatched()).containsExactly("dispatch:due:0:1"); // the 300 stale timers fired and did nothing
        assertThat(timerKeys()).isEmpty();
    }

    @Test
    void aTickFiresABoundedNumberOfTimersAndTheNextTickGoesOnFromTheCursor() {
        f = new SchedulerFixture(stateDir, SchedulerSettings.defaults().withMaxFiresPerTick(10), true);
        f.sequence("seq", task(1));
        f.mailbox("mbx");
        for (int i = 0; i < 35; i++) f.enroll("e" + i, "p" + i, "seq", "mbx");

        f.advance(Duration.ofDays(1));
        assertThat(f.dispatched()).hasSize(10);
        f.advance(Duration.ofMillis(100));
        assertThat(f.dispatched()).hasSize(10);
        f.advance(Duration.ofMillis(100));
        f.advance(Duration.ofMillis(100));
        assertThat(f.dispatched()).hasSize(15);
        assertThat(timerKeys()).isEmpty();
    }

    @Test
    void aBacklogOfDueEmailsDrainsInBoundedStepsInFifoOrder() {
        f = new SchedulerFixture(stateDir, SchedulerSettings.defaults().withMaxFiresPerTick(10), true);
        f.sequence("seq", email(1));
        f.mailbox("mbx", false, 100_000, 0);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            f.enroll("e" + i, "p" + i, "seq", "mbx");
            expected.add("dispatch:e" + i + ":0:1");
            f.advance(Duration.ofMillis(1)); // due one after the other
        }
        f.advance(Duration.ofDays(1));
        List<String> sent = new ArrayList<>(f.dispatched());
        for (int i = 0; i < 5 && sent.size() < 25; i++) {
            f.advance(Duration.ofMillis(100));
            sent.addAll(f.dispatched());
        }
        assertThat(sent).containsExactlyElementsOf(expected);
    }

    private String cursor() {
        KeyValueStore<String, String> state = f.store(StoreNames.TASK_STATE);
        return state.get(TimerWheel.CURSOR);
    }

    private List<String> timerKeys() {
        List<String> keys = new ArrayList<>();
        KeyValueStore<String, String> timers = f.store(StoreNames.TIMERS);
        try (KeyValueIterator<String, String> it = timers.all()) {
            it.forEachRemaining((KeyValue<String, String> kv) -> keys.add(kv.key));
        }
        return keys;
    }
}
