package org.seqengine.stepscheduler.streams;

import org.seqengine.service.kafka.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.service.kafka.GlobalStoreUpdater;

/**
 * The step-scheduler topology (one Streams application, exactly-once):
 * <ol>
 *   <li>enrollments.v1 (by enrollment) re-keyed by person; with people.v1 -> {@link PersonStage}
 *       (by person) -> each enrollment to its mailbox, and the person's template fields to the mailbox
 *       of an enrollment blocked for template variables;</li>
 *   <li>those, with mailboxes.v1 (already keyed by mailbox) -> {@link MailboxStage} (by mailbox) ->
 *       DispatchStep and Resume commands (enrollment.commands.v1), steps.schedule-status.v1.</li>
 * </ol>
 * sequences.v1, sequence-versions.v1 and sequence-pauses.v1 are global stores.
 */
public final class SchedulerTopology {

    private SchedulerTopology() {}

    public static Topology build(SchedulerSettings settings, SchedulerMetrics metrics) {
        return build(settings, metrics, false);
    }

    /**
     * {@code inMemory}: in-memory stores (still changelogged), for topology tests that pipe thousands of records. The
     * stores of personal values are in memory either way.
     */
    static Topology build(SchedulerSettings settings, SchedulerMetrics metrics, boolean inMemory) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, inMemory);
        global(builder, StoreNames.SEQUENCES, Topics.SEQUENCES);
        global(builder, StoreNames.SEQUENCE_VERSIONS, Topics.SEQUENCE_VERSIONS);
        global(builder, StoreNames.SEQUENCE_PAUSES, Topics.SEQUENCE_PAUSES);

        KStream<String, PersonStageInput> enrollmentsByPerson = builder.stream(Topics.ENROLLMENTS.name(),
                        consumed(Topics.ENROLLMENTS, "enrollments-source"))
                .filter((k, v) -> v != null && v.getPersonId() != null && !v.getPersonId().isBlank()
                        && v.getMailboxId() != null && !v.getMailboxId().isBlank(), Named.as("enrollments-with-person"))
                .selectKey((k, v) -> Keys.of(v.getOrgId(), v.getPersonId()), Named.as("enrollment-by-person"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.ENROLLMENTS.valueSerde()).withName("enrollments-by-person"))
                .mapValues(v -> (PersonStageInput) new PersonStageInput.EnrollmentUpdate(v), Named.as("enrollment-update"));
        KStream<String, PersonStageInput> people = builder.stream(Topics.PEOPLE.name(), consumed(Topics.PEOPLE, "people-source"))
                .mapValues(p -> (PersonStageInput) new PersonStageInput.PersonUpdate(p), Named.as("person-update"));

        KStream<String, MailboxInput> toMailboxes = people
                .merge(enrollmentsByPerson, Named.as("person-inputs"))
                .process(PersonStage::new, Named.as("person-stage"), StoreNames.PEOPLE)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(MailboxInput.class)).withName("by-mailbox"));
        KStream<String, MailboxInput> mailboxes = builder.stream(Topics.MAILBOXES.name(), consumed(Topics.MAILBOXES, "mailboxes-source"))
                .mapValues(m -> (MailboxInput) new MailboxInput.MailboxChanged(AvroViews.mailbox(m)), Named.as("mailbox-change"));

        KStream<String, SchedulerOutput> outputs = toMailboxes
                .merge(mailboxes, Named.as("mailbox-inputs"))
                .process(() -> new MailboxStage(settings, metrics), Named.as("mailbox-stage"),
                        StoreNames.ENTRIES, StoreNames.MAILBOXES, StoreNames.TIMERS, StoreNames.CAPACITY_QUEUE,
                        StoreNames.SEND_LOG, StoreNames.BY_SEQUENCE, StoreNames.SEQUENCES_SEEN, StoreNames.BLOCKED,
                        StoreNames.TASK_STATE, StoreNames.TEMPLATE_PEOPLE);
        outputs.filter((k, v) -> v instanceof SchedulerOutput.Command, Named.as("commands-out"))
                .mapValues(v -> ((SchedulerOutput.Command) v).command(), Named.as("command-envelope"))
                .to(Topics.COMMANDS.name(), produced(Topics.COMMANDS, "commands-sink"));
        outputs.filter((k, v) -> v instanceof SchedulerOutput.Status, Named.as("status-out"))
                .mapValues(v -> ((SchedulerOutput.Status) v).status(), Named.as("status-record"))
                .to(Topics.SCHEDULE_STATUS.name(), produced(Topics.SCHEDULE_STATUS, "schedule-status-sink"));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, boolean inMemory) {
        // personal values in clear (names, emails): never RocksDB, which keeps deleted values in its files until it
        // compacts them; in memory, they are gone with the entry (and from the compacted changelog)
        keyValue(builder, true, StoreNames.PEOPLE, JsonSerde.of(PersonEntry.class));
        keyValue(builder, true, StoreNames.TEMPLATE_PEOPLE, JsonSerde.of(TemplatePerson.class));
        keyValue(builder, inMemory, StoreNames.ENTRIES, JsonSerde.of(ScheduleEntry.class));
        keyValue(builder, inMemory, StoreNames.MAILBOXES, JsonSerde.of(MailboxState.class));
        keyValue(builder, inMemory, StoreNames.TIMERS, Serdes.String());
        keyValue(builder, inMemory, StoreNames.CAPACITY_QUEUE, Serdes.String());
        keyValue(builder, inMemory, StoreNames.SEND_LOG, Serdes.String());
        keyValue(builder, inMemory, StoreNames.BY_SEQUENCE, Serdes.String());
        keyValue(builder, inMemory, StoreNames.SEQUENCES_SEEN, JsonSerde.of(MailboxStage.SequenceSeen.class));
        keyValue(builder, inMemory, StoreNames.BLOCKED, Serdes.String());
        keyValue(builder, inMemory, StoreNames.TASK_STATE, Serdes.String());
    }

    private static <V> void keyValue(StreamsBuilder builder, boolean inMemory, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde));
    }

    private static <V> void global(StreamsBuilder builder, String storeName, Topic<String, V> topic) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), topic.keySerde(), topic.valueSerde())
                        .withLoggingDisabled(),
                topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(storeName + "-source"),
                () -> new GlobalStoreUpdater<>(storeName));
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
