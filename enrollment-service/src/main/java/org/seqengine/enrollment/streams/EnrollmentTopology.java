package org.seqengine.enrollment.streams;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.processor.api.Processor;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
 *   <li>commands (keyed org/person, read as bytes) -> {@link CommandGuard} around
 *       {@link EnrollmentCommandProcessor} with the person-states and enrollments stores -> events,
 *       enrollments, command replies; a command that cannot be processed -> the DLQ and an error reply;</li>
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
    /** The decider's typed outputs (the DLQ sink takes the command's raw bytes). */
    static final Map<String, Topic<String, ?>> DECIDER_SINKS = orderedSinks();

    /** How long the first outcome of a command id is remembered unless configured otherwise. */
    public static final Duration DEFAULT_OUTCOME_RETENTION = Duration.ofDays(7);

    private EnrollmentTopology() {}

    public static Topology build() {
        return build(DEFAULT_OUTCOME_RETENTION, UnaryOperator.identity());
    }

    public static Topology build(Duration outcomeRetention) {
        return build(outcomeRetention, UnaryOperator.identity());
    }

    /** @param decorateDecider wraps the decider (tests use it to inject a fault behind the guard) */
    public static Topology build(UnaryOperator<Processor<String, CommandEnvelope, String, Object>> decorateDecider) {
        return build(DEFAULT_OUTCOME_RETENTION, decorateDecider);
    }

    /**
     * @param outcomeRetention how long a command id's first outcome is remembered (a window store:
     *                         expired segments are dropped by the store, its changelog is compact,delete)
     * @param decorateDecider  wraps the decider (tests use it to inject a fault behind the guard)
     */
    public static Topology build(Duration outcomeRetention,
                                 UnaryOperator<Processor<String, CommandEnvelope, String, Object>> decorateDecider) {
        StreamsBuilder builder = new StreamsBuilder();
        countActiveEnrollmentsPerMailbox(builder);
        Topology topology = builder.build();

        // Commands are read as bytes and decoded by the guard, so a bad one is dead-lettered in the
        // task's transaction (see CommandGuard), not by the deserialization handler.
        topology.addSource(COMMANDS_SOURCE, Topics.COMMANDS.keySerde().deserializer(), new ByteArrayDeserializer(),
                Topics.COMMANDS.name());
        topology.addProcessor(DECIDER, () -> new CommandGuard(decorateDecider.apply(new EnrollmentCommandProcessor()), DECIDER_SINKS),
                COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PERSON_STATES),
                Serdes.String(), AvroSerdes.forClass(PersonStateRecord.class)), DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ENROLLMENTS),
                Serdes.String(), Topics.ENROLLMENTS.valueSerde()), DECIDER);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.COMMAND_OUTCOMES, outcomeRetention, Duration.ofMillis(1), false),
                Serdes.String(), AvroSerdes.forClass(CommandOutcomeRecord.class)), DECIDER);
        DECIDER_SINKS.forEach((name, topic) -> sink(topology, name, topic));
        topology.addSink(COMMANDS_DLQ_SINK, Topics.COMMANDS.dlqName(), Topics.COMMANDS.keySerde().serializer(),
                new ByteArraySerializer(), DECIDER);

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

    private static Map<String, Topic<String, ?>> orderedSinks() {
        Map<String, Topic<String, ?>> sinks = new LinkedHashMap<>();
        sinks.put(EVENTS_SINK, Topics.EVENTS);
        sinks.put(ENROLLMENTS_SINK, Topics.ENROLLMENTS);
        sinks.put(REPLIES_SINK, Topics.COMMAND_REPLIES);
        return Collections.unmodifiableMap(sinks);
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
