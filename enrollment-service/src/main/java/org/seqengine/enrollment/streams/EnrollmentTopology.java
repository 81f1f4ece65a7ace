package org.seqengine.enrollment.streams;

import org.apache.kafka.streams.KeyValue;
import org.seqengine.schemas.Keys;
import org.seqengine.enrollment.report.ReportCounting;
import org.seqengine.enrollment.report.ReportCounts;
import org.seqengine.enrollment.report.ReportDelta;
import org.seqengine.schemas.avro.EnrollmentRejectedEvent;
import org.seqengine.service.kafka.JsonSerde;
import org.seqengine.schemas.personal.SuppressionKeys;
import org.seqengine.service.kafka.GlobalStoreUpdater;
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
import org.seqengine.schemas.avro.CommandOutcomeRecord;
import org.seqengine.schemas.avro.CompanyLedgerStateRecord;
import org.seqengine.schemas.avro.CompanyMemberRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;
import org.seqengine.enrollment.bulk.JobReplyRouter;
import org.seqengine.enrollment.bulk.UnenrollJobProcessor;
import org.seqengine.schemas.serde.AvroSerdes;

/**
 * The enrollment-service topology:
 * <ul>
 *   <li>commands (keyed org/person, read as bytes) -> {@link CommandGuard} around
 *       {@link EnrollmentCommandProcessor} with the person-states, enrollments, command-outcomes and
 *       open-tasks stores -> events, enrollments, command replies, CRM write-backs, send requests, tasks;
 *       a command that cannot be processed -> the DLQ and an error reply;</li>
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
    static final String CRM_WRITE_BACK_SINK = "crm-write-back-sink";
    static final String SEND_REQUESTS_SINK = "send-requests-sink";
    static final String TASKS_SINK = "tasks-sink";
    static final String PEOPLE_KEYS_SINK = "people-keys-sink";
    static final String SUPPRESSIONS_SINK = "suppressions-sink";
    static final String PEOPLE_SINK = "people-sink";
    static final String CRM_PEOPLE_CHANGES_SINK = "crm-people-changes-sink";
    static final String EXCLUSION_MATCHES_SINK = "exclusion-matches-sink";
    static final String COMMANDS_DLQ_SINK = "commands-dlq-sink";
    static final String COMPANY_LEDGER_SINK = "company-ledger-sink";
    static final String LEDGER_SOURCE = "company-ledger-source";
    static final String LEDGER = "company-ledger";
    static final String LEDGER_COMMANDS_SINK = "company-ledger-commands-sink";
    static final String LEDGER_DLQ_SINK = "company-ledger-dlq-sink";
    /** The decider's typed outputs (the DLQ sink takes the command's raw bytes). */
    static final Map<String, Topic<String, ?>> DECIDER_SINKS = orderedSinks();

    private EnrollmentTopology() {}

    /** The topology with default settings (tests that build it directly). */
    public static Topology build() {
        return build(TopologySettings.defaults());
    }

    /** @param decorateDecider wraps the decider (tests use it to inject a fault behind the guard) */
    public static Topology build(UnaryOperator<Processor<String, CommandEnvelope, String, Object>> decorateDecider) {
        return build(TopologySettings.defaults(), decorateDecider);
    }

    public static Topology build(TopologySettings settings) {
        return build(settings, UnaryOperator.identity());
    }

    public static Topology build(TopologySettings settings,
                                 UnaryOperator<Processor<String, CommandEnvelope, String, Object>> decorateDecider) {
        Duration outcomeRetention = settings.commandOutcomeRetention();
        StreamsBuilder builder = new StreamsBuilder();
        indexEnrollments(builder);
        runUnenrollJobs(builder, settings.unenrollJobRetention(), settings.unenrollJobPublishInterval());
        Topology topology = builder.build();

        // Commands are read as bytes and decoded by the guard, so a bad one is dead-lettered in the
        // task's transaction (see CommandGuard), not by the deserialization handler.
        topology.addSource(COMMANDS_SOURCE, Topics.COMMANDS.keySerde().deserializer(), new ByteArrayDeserializer(),
                Topics.COMMANDS.name());
        topology.addProcessor(DECIDER, () -> new CommandGuard(decorateDecider.apply(
                        new EnrollmentCommandProcessor(settings.timeScale(),
                                new SuppressionKeys(settings.suppressionSecret()))), DECIDER_SINKS),
                COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PERSON_STATES),
                Serdes.String(), AvroSerdes.forClass(PersonStateRecord.class)), DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ENROLLMENTS),
                Serdes.String(), Topics.ENROLLMENTS.valueSerde()), DECIDER);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.COMMAND_OUTCOMES, outcomeRetention, Duration.ofMillis(1), false),
                Serdes.String(), AvroSerdes.forClass(CommandOutcomeRecord.class)), DECIDER);
        // in memory: a key must not outlive its erase in RocksDB's files (the changelog is compacted)
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.PERSON_KEYS),
                Serdes.String(), Topics.PEOPLE_KEYS.valueSerde()), DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.OPEN_TASKS),
                Serdes.String(), Topics.TASKS.valueSerde()), DECIDER);
        DECIDER_SINKS.forEach((name, topic) -> sink(topology, name, topic));
        topology.addSink(COMMANDS_DLQ_SINK, Topics.COMMANDS.dlqName(), Topics.COMMANDS.keySerde().serializer(),
                new ByteArraySerializer(), DECIDER);

        keepCompanyLedgers(topology);
        GlobalTable.ALL.forEach(table -> globalStore(topology, table));
        SchedulingStores.addTo(topology);
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
        KStream<String, Object> indexed = builder.stream(Topics.ENROLLMENTS.name(),
                        Consumed.with(Serdes.String(), Topics.ENROLLMENTS.valueSerde()).withName("enrollments-source"))
                .process(EnrollmentIndexer::new, Named.as("enrollment-indexer"),
                        StoreNames.ENROLLMENTS_BY_ID, StoreNames.ENROLLMENT_INDEX);
        reportSequences(builder, indexed.filter((k, v) -> v instanceof ReportDelta, Named.as("report-deltas"))
                .mapValues(v -> (ReportDelta) v, Named.as("report-delta")));
        indexed.filter((k, v) -> v instanceof Long, Named.as("mailbox-deltas"))
                .mapValues(v -> (Long) v, Named.as("mailbox-delta"))
                .groupByKey(Grouped.<String, Long>as("mailbox-load-deltas").withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .reduce(Long::sum, Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("mailbox-active-count")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream()
                .to(Topics.MAILBOX_LOAD.name(), Produced.with(Topics.MAILBOX_LOAD.keySerde(), Topics.MAILBOX_LOAD.valueSerde()));
    }

    /**
     * Each sequence's report: the enrollments' changes (from the indexer) and the rejected Enrolls (from
     * the event log), re-keyed by sequence and summed by one task per sequence, exactly once.
     */
    private static void reportSequences(StreamsBuilder builder, KStream<String, ReportDelta> enrollmentChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SEQUENCE_REPORT),
                Serdes.String(), JsonSerde.of(ReportCounts.class)));
        KStream<String, ReportDelta> rejections = builder.stream(Topics.EVENTS.name(),
                        Consumed.with(Serdes.String(), Topics.EVENTS.valueSerde()).withName("events-source"))
                .filter((k, e) -> e != null && e.getPayload() instanceof EnrollmentRejectedEvent r
                        && "Enroll".equals(r.getCommandType()) && r.getSequenceId() != null, Named.as("rejected-enrolls"))
                .map((k, e) -> {
                    EnrollmentRejectedEvent r = (EnrollmentRejectedEvent) e.getPayload();
                    String code = r.getReasons().isEmpty() ? null : r.getReasons().get(0).getCode();
                    return KeyValue.pair(Keys.of(e.getOrgId(), r.getSequenceId()), ReportCounting.rejected(code, e.getOccurredAt()));
                }, Named.as("rejection-by-sequence"));
        enrollmentChanges.merge(rejections, Named.as("report-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ReportDelta.class)).withName("sequence-report-deltas"))
                .process(SequenceReportProcessor::new, Named.as("sequence-report"), StoreNames.SEQUENCE_REPORT);
    }

    private static Map<String, Topic<String, ?>> orderedSinks() {
        Map<String, Topic<String, ?>> sinks = new LinkedHashMap<>();
        sinks.put(EVENTS_SINK, Topics.EVENTS);
        sinks.put(ENROLLMENTS_SINK, Topics.ENROLLMENTS);
        sinks.put(REPLIES_SINK, Topics.COMMAND_REPLIES);
        sinks.put(CRM_WRITE_BACK_SINK, Topics.CRM_WRITE_BACK);
        sinks.put(SEND_REQUESTS_SINK, Topics.SEND_REQUESTS);
        sinks.put(TASKS_SINK, Topics.TASKS);
        sinks.put(COMPANY_LEDGER_SINK, Topics.COMPANY_LEDGER);
        sinks.put(PEOPLE_KEYS_SINK, Topics.PEOPLE_KEYS);
        sinks.put(SUPPRESSIONS_SINK, Topics.SUPPRESSIONS);
        sinks.put(PEOPLE_SINK, Topics.PEOPLE);
        sinks.put(CRM_PEOPLE_CHANGES_SINK, Topics.CRM_PEOPLE_CHANGES);
        sinks.put(EXCLUSION_MATCHES_SINK, Topics.EXCLUSION_MATCHES);
        return Collections.unmodifiableMap(sinks);
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

    /**
     * The company ledgers (see {@link CompanyLedgerProcessor}): entries written by the decider, keyed by
     * company domain, so one task counts a domain; its answers go back to the commands topic.
     */
    private static void keepCompanyLedgers(Topology topology) {
        topology.addSource(LEDGER_SOURCE, Topics.COMPANY_LEDGER.keySerde().deserializer(),
                Topics.COMPANY_LEDGER.valueSerde().deserializer(), Topics.COMPANY_LEDGER.name());
        topology.addProcessor(LEDGER, CompanyLedgerProcessor::new, LEDGER_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.COMPANY_LEDGER),
                Serdes.String(), AvroSerdes.forClass(CompanyLedgerStateRecord.class)), LEDGER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.COMPANY_LEDGER_MEMBERS),
                Serdes.String(), AvroSerdes.forClass(CompanyMemberRecord.class)), LEDGER);
        topology.addSink(LEDGER_COMMANDS_SINK, Topics.COMMANDS.name(), Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer(), LEDGER);
        topology.addSink(LEDGER_DLQ_SINK, Topics.COMPANY_LEDGER.dlqName(), Topics.COMPANY_LEDGER.keySerde().serializer(),
                Topics.COMPANY_LEDGER.valueSerde().serializer(), LEDGER);
    }

    private static <V> void sink(Topology topology, String name, Topic<String, V> topic) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), DECIDER);
    }

    private static <V> void globalStore(Topology topology, GlobalTable<V> table) {
        String storeName = table.storeName();
        Topic<String, V> topic = table.topic();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(table.inMemory() ? Stores.inMemoryKeyValueStore(storeName)
                                : Stores.persistentKeyValueStore(storeName), topic.keySerde(), topic.valueSerde())
                        .withLoggingDisabled(),
                storeName + "-source", topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name(),
                storeName + "-updater", () -> new GlobalStoreUpdater<>(storeName));
    }
}
