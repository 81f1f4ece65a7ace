package org.seqengine.enrollment.streams;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Bytes;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandOutcomeRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.serde.AvroSerdes;

/**
 * The enrollment-service topology:
 * <ul>
 *   <li>commands (keyed org/person) -> {@link EnrollmentCommandProcessor} with the person-states and
 *       enrollments stores -> events, enrollments, command replies (and invalid commands to the DLQ);</li>
 *   <li>reference topics -> global stores, read by the decider and the REST edge;</li>
 *   <li>enrollments -> active enrollments per mailbox -> mailbox-load topic -> global store, used to
 *       pick the least-loaded candidate mailbox.</li>
 * </ul>
 */
public final class EnrollmentTopology {

    static final String COMMANDS_SOURCE = "commands-source";
    static final String DECIDER = "enrollment-decider";
    static final String EVENTS_SINK = "events-sink";
    static final String ENROLLMENTS_SINK = "enrollments-sink";
    static final String REPLIES_SINK = "replies-sink";
    static final String COMMANDS_DLQ_SINK = "commands-dlq-sink";

    /** How long the first outcome of a command id is remembered unless configured otherwise. */
    public static final Duration DEFAULT_OUTCOME_RETENTION = Duration.ofDays(7);

    private EnrollmentTopology() {}

    public static Topology build() {
        return build(DEFAULT_OUTCOME_RETENTION);
    }

    /**
     * @param outcomeRetention how long a command id's first outcome is remembered (a window store:
     *                         expired segments are dropped by the store, its changelog is compact,delete)
     */
    public static Topology build(Duration outcomeRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        countActiveEnrollmentsPerMailbox(builder);
        Topology topology = builder.build();

        topology.addSource(COMMANDS_SOURCE, Topics.COMMANDS.keySerde().deserializer(),
                Topics.COMMANDS.valueSerde().deserializer(), Topics.COMMANDS.name());
        topology.addProcessor(DECIDER, EnrollmentCommandProcessor::new, COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PERSON_STATES),
                Serdes.String(), AvroSerdes.forClass(PersonStateRecord.class)), DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ENROLLMENTS),
                Serdes.String(), Topics.ENROLLMENTS.valueSerde()), DECIDER);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.COMMAND_OUTCOMES, outcomeRetention, Duration.ofMillis(1), false),
                Serdes.String(), AvroSerdes.forClass(CommandOutcomeRecord.class)), DECIDER);
        sink(topology, EVENTS_SINK, Topics.EVENTS);
        sink(topology, ENROLLMENTS_SINK, Topics.ENROLLMENTS);
        sink(topology, REPLIES_SINK, Topics.COMMAND_REPLIES);
        topology.addSink(COMMANDS_DLQ_SINK, Topics.COMMANDS.dlqName(), Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer(), DECIDER);

        GlobalTable.ALL.forEach(table -> globalStore(topology, table));
        return topology;
    }

    /** A KTable aggregation: the adder/subtractor pair keeps the count right when an enrollment ends or moves. */
    private static void countActiveEnrollmentsPerMailbox(StreamsBuilder builder) {
        Serde<EnrollmentRecord> enrollmentSerde = Topics.ENROLLMENTS.valueSerde();
        builder.table(Topics.ENROLLMENTS.name(), Consumed.with(Serdes.String(), enrollmentSerde))
                .groupBy((key, e) -> KeyValue.pair(Keys.of(e.getOrgId(), e.getMailboxId()), e),
                        Grouped.<String, EnrollmentRecord>as("enrollments-by-mailbox").withKeySerde(Serdes.String()).withValueSerde(enrollmentSerde))
                .aggregate(() -> 0L,
                        (mailbox, e, count) -> count + (e.getFinishReason() == null ? 1 : 0),
                        (mailbox, e, count) -> count - (e.getFinishReason() == null ? 1 : 0),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("mailbox-load-aggregate")
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream()
                .to(Topics.MAILBOX_LOAD.name(), Produced.with(Topics.MAILBOX_LOAD.keySerde(), Topics.MAILBOX_LOAD.valueSerde()));
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
