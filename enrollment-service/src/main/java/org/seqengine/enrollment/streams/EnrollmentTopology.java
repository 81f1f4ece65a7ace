package org.seqengine.enrollment.streams;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Bytes;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;
import org.seqengine.enrollment.bulk.JobReplyRouter;
import org.seqengine.enrollment.bulk.UnenrollJobProcessor;
import org.seqengine.schemas.serde.AvroSerdes;

/**
 * The enrollment-service topology:
 * <ul>
 *   <li>commands (keyed org/person) -> {@link EnrollmentCommandProcessor} with the person-states and
 *       enrollments stores -> events, enrollments, command replies (and invalid commands to the DLQ);</li>
 *   <li>job requests + job commands' replies (by job) -> {@link UnenrollJobProcessor} -> unenroll-jobs topic;</li>
 *   <li>reference topics -> global stores, read by the decider and the REST edge;</li>
 *   <li>enrollments.v1 (keyed org/enrollment) -> {@link EnrollmentIndexer}: the enrollments-by-id store and
 *       the list indexes (routable by enrollment id), and the active count per mailbox -> mailbox-load
 *       topic -> global store, used to pick the least-loaded candidate mailbox.</li>
 * </ul>
 */
public final class EnrollmentTopology {

    static final String COMMANDS_SOURCE = "commands-source";
    static final String DECIDER = "enrollment-decider";
    static final String EVENTS_SINK = "events-sink";
    static final String ENROLLMENTS_SINK = "enrollments-sink";
    static final String REPLIES_SINK = "replies-sink";
    static final String COMMANDS_DLQ_SINK = "commands-dlq-sink";

    private EnrollmentTopology() {}

    /** Defaults of {@code enrollment.unenroll-jobs.*}: for tests that build the topology directly. */
    public static Topology build() {
        return build(Duration.ofDays(7), Duration.ofSeconds(1));
    }

    public static Topology build(Duration jobRetention, Duration jobPublishInterval) {
        StreamsBuilder builder = new StreamsBuilder();
        indexEnrollments(builder);
        runUnenrollJobs(builder, jobRetention, jobPublishInterval);
        Topology topology = builder.build();

        topology.addSource(COMMANDS_SOURCE, Topics.COMMANDS.keySerde().deserializer(),
                Topics.COMMANDS.valueSerde().deserializer(), Topics.COMMANDS.name());
        topology.addProcessor(DECIDER, EnrollmentCommandProcessor::new, COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PERSON_STATES),
                Serdes.String(), AvroSerdes.forClass(PersonStateRecord.class)), DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ENROLLMENTS),
                Serdes.String(), Topics.ENROLLMENTS.valueSerde()), DECIDER);
        sink(topology, EVENTS_SINK, Topics.EVENTS);
        sink(topology, ENROLLMENTS_SINK, Topics.ENROLLMENTS);
        sink(topology, REPLIES_SINK, Topics.COMMAND_REPLIES);
        topology.addSink(COMMANDS_DLQ_SINK, Topics.COMMANDS.dlqName(), Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer(), DECIDER);

        GlobalTable.ALL.forEach(table -> globalStore(topology, table));
        return topology;
    }

    /**
     * One reader of {@code enrollments.v1} (a topic can be a source only once per topology): the
     * {@link EnrollmentIndexer} keeps the stores routable by enrollment id and forwards +1/-1 per
     * mailbox, summed (after a repartition by mailbox) into the active count each mailbox carries.
     */
    private static void indexEnrollments(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ENROLLMENTS_BY_ID),
                Serdes.String(), Topics.ENROLLMENTS.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ENROLLMENT_INDEX),
                Serdes.String(), Serdes.String()));
        builder.stream(Topics.ENROLLMENTS.name(), Consumed.with(Serdes.String(), Topics.ENROLLMENTS.valueSerde())
                        .withName("enrollments-source"))
                .process(EnrollmentIndexer::new, Named.as("enrollment-indexer"),
                        StoreNames.ENROLLMENTS_BY_ID, StoreNames.ENROLLMENT_INDEX)
                .groupByKey(Grouped.<String, Long>as("mailbox-load-deltas").withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .reduce(Long::sum, Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("mailbox-active-count")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream()
                .to(Topics.MAILBOX_LOAD.name(), Produced.with(Topics.MAILBOX_LOAD.keySerde(), Topics.MAILBOX_LOAD.valueSerde()));
    }

    /**
     * Bulk unenroll jobs, keyed org/job: the request (written with the job's commands in one
     * transaction) and each target's outcome (picked from the replies and repartitioned by job) meet
     * in one processor, so one task counts a job, exactly once.
     */
    private static void runUnenrollJobs(StreamsBuilder builder, Duration retention, Duration publishInterval) {
        Serde<UnenrollJobRecord> jobSerde = Topics.UNENROLL_JOBS.valueSerde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.UNENROLL_JOB_STATES),
                Serdes.String(), jobSerde));
        KStream<String, Object> outcomes = builder.stream(Topics.COMMAND_REPLIES.name(),
                        Consumed.with(Serdes.String(), Topics.COMMAND_REPLIES.valueSerde()).withName("job-replies-source"))
                .process(JobReplyRouter::new, Named.as("job-reply-router"))
                .repartition(Repartitioned.<String, String>with(Serdes.String(), Serdes.String()).withName("unenroll-job-outcomes"))
                .mapValues(v -> (Object) v, Named.as("job-outcome-as-input"));
        builder.stream(Topics.UNENROLL_JOB_REQUESTS.name(),
                        Consumed.with(Serdes.String(), Topics.UNENROLL_JOB_REQUESTS.valueSerde()).withName("job-requests-source"))
                .mapValues(v -> (Object) v, Named.as("job-request-as-input"))
                .merge(outcomes, Named.as("job-inputs"))
                .process(() -> new UnenrollJobProcessor(retention, publishInterval), Named.as("unenroll-job-processor"),
                        StoreNames.UNENROLL_JOB_STATES)
                .to(Topics.UNENROLL_JOBS.name(), Produced.with(Topics.UNENROLL_JOBS.keySerde(), jobSerde));
    }

    private static <V> void sink(Topology topology, String name, Topic<String, V> topic) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), DECIDER);
    }

    private static <V> void globalStore(Topology topology, GlobalTable<V> table) {
        String storeName = table.storeName();
        Topic<String, V> topic = table.topic();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), topic.keySerde(), topic.valueSerde())
                        .withLoggingDisabled(),
                storeName + "-source", topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name(),
                storeName + "-updater", () -> new GlobalStoreUpdater<>(storeName));
    }
}
