package org.seqengine.enrollment.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.service.kafka.GlobalStoreUpdater;

/**
 * The global stores the REST edge reads for the sending loop (issue 9), written by others:
 * <ul>
 *   <li>{@link #SCHEDULE_STATUS}: what step-scheduler says each enrollment waits for (key
 *       {@code org_id/enrollment_id}; a tombstone when nothing is scheduled), for the Enrollment body;</li>
 *   <li>{@link TaskIndex#STORE}: the tasks TASK steps created, with their list indexes.</li>
 * </ul>
 */
public final class SchedulingStores {

    public static final GlobalTable<ScheduleStatusRecord> SCHEDULE_STATUS =
            new GlobalTable<>("schedule-status", Topics.SCHEDULE_STATUS, "Schedule status");

    private SchedulingStores() {}

    public static void addTo(Topology topology) {
        String status = SCHEDULE_STATUS.storeName();
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(status),
                        Topics.SCHEDULE_STATUS.keySerde(), Topics.SCHEDULE_STATUS.valueSerde()).withLoggingDisabled(),
                status + "-source", Topics.SCHEDULE_STATUS.keySerde().deserializer(),
                Topics.SCHEDULE_STATUS.valueSerde().deserializer(), Topics.SCHEDULE_STATUS.name(),
                status + "-updater", () -> new GlobalStoreUpdater<>(status));
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TaskIndex.STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                TaskIndex.STORE + "-source", Topics.TASKS.keySerde().deserializer(), Topics.TASKS.valueSerde().deserializer(),
                Topics.TASKS.name(), TaskIndex.STORE + "-updater", TaskIndex.Updater::new);
    }
}
