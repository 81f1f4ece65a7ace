package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.TaskRecord;

/** The task store keeps exactly one entry per list a task is in: moved on a change, gone on a tombstone. */
class TaskIndexTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, TaskRecord> tasks;
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void setUp() {
        Topology topology = new Topology();
        SchedulingStores.addTo(topology);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "task-index-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        driver = new TopologyTestDriver(topology, props, T0);
        tasks = driver.createInputTopic(Topics.TASKS.name(), Topics.TASKS.keySerde().serializer(),
                Topics.TASKS.valueSerde().serializer());
        store = driver.getKeyValueStore(TaskIndex.STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aTaskMovesBetweenListsAndLeavesThemWhenDeleted() {
        tasks.pipeInput("org-a/t1", task("t1", "u/1", "OPEN"));
        assertThat(keys("org-a/")).containsExactlyInAnyOrder("org-a/t1",
                "org-a/~all/0001772442000000/t1", "org-a/~status/OPEN/0001772442000000/t1",
                "org-a/~assignee/u%2F1/0001772442000000/t1", "org-a/~assignee-status/u%2F1/OPEN/0001772442000000/t1");
        assertThat(TaskIndex.decode(store.get("org-a/t1")).getStatus()).isEqualTo("OPEN");

        tasks.pipeInput("org-a/t1", task("t1", "u/2", "COMPLETED"));
        assertThat(keys(TaskIndex.byStatus("org-a", "OPEN"))).isEmpty();
        assertThat(keys(TaskIndex.byAssignee("org-a", "u/1"))).isEmpty();
        assertThat(keys(TaskIndex.byAssigneeAndStatus("org-a", "u/2", "COMPLETED"))).hasSize(1);
        assertThat(keys("org-a/")).hasSize(5);

        tasks.pipeInput("org-a/t1", (TaskRecord) null);
        assertThat(keys("org-a/")).isEmpty();
    }

    @Test
    void aTaskWithoutAssigneeIsListedByStatusOnlyAndBadKeysAreIgnored() {
        tasks.pipeInput("org-a/t2", task("t2", null, "OPEN"));
        assertThat(keys("org-a/")).containsExactlyInAnyOrder("org-a/t2",
                "org-a/~all/0001772442000000/t2", "org-a/~status/OPEN/0001772442000000/t2");
        tasks.pipeInput("no-separator", task("t3", "u", "OPEN"));
        tasks.pipeInput("org-a/~all", task("t4", "u", "OPEN"));
        tasks.pipeInput("org-a/x/y", task("t5", "u", "OPEN"));
        assertThat(keys("")).hasSize(3);
    }

    private List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.range(prefix, prefix + '\uffff')) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static TaskRecord task(String id, String assignee, String status) {
        return TaskRecord.newBuilder().setTaskId(id).setOrgId("org-a").setPersonId("p").setEnrollmentId("e")
                .setSequenceId("s").setStepIndex(0).setAssigneeId(assignee).setBody("Call").setStatus(status)
                .setCreatedAt(T0).build();
    }
}
