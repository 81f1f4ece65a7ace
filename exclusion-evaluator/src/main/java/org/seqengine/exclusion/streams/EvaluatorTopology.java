package org.seqengine.exclusion.streams;

import org.seqengine.service.kafka.JsonSerde;
import org.seqengine.service.kafka.GlobalStoreUpdater;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.seqengine.exclusion.domain.CrmChange;
import org.seqengine.exclusion.domain.CrmObject;
import org.seqengine.exclusion.domain.PersonFacts;
import org.seqengine.exclusion.domain.PersonResult;
import org.seqengine.exclusion.domain.PersonView;
import org.seqengine.exclusion.domain.Publication;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.ExclusionListEntryRecord;

/**
 * The exclusion-evaluator topology (one Streams application, exactly-once):
 * <ol>
 *   <li>enrollments.v1 (by enrollment) -> {@link EnrollmentRouter} -> by person and by mailbox;</li>
 *   <li>person stage (by person): people.v1 + crm.people-changes.v1 + enrollments -> {@link PersonProcessor}
 *       -> person views, repartitioned by domain;</li>
 *   <li>domain stage (by domain): person views + crm.company-changes.v1 + crm.opportunity-changes.v1 +
 *       exclusion-list-entries.v1 (re-keyed by domain) -> {@link DomainProcessor} -> results, by person;</li>
 *   <li>publisher (by person): results -> {@link PublisherProcessor} -> exclusion-matches.v1, Exclude commands;</li>
 *   <li>mailbox stage (by mailbox): mailboxes.v1 + enrollments -> {@link MailboxProcessor} -> owner stage
 *       (by owner) -> {@link OwnerProcessor} -> MailboxOwnerChanged commands.</li>
 * </ol>
 * Rules, rulesets, sequences, settings and mailbox load are global stores.
 */
public final class EvaluatorTopology {

    private EvaluatorTopology() {}

    public static Topology build(EvaluatorSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        addGlobalStores(builder);

        KStream<String, Object> routed = builder.stream(Topics.ENROLLMENTS.name(), consumed(Topics.ENROLLMENTS, "enrollments-source"))
                .process(EnrollmentRouter::new, Named.as("enrollment-router"), StoreNames.ENROLLMENT_ROUTES);
        KStream<String, PersonInput> enrollmentsByPerson = routed
                .filter((k, v) -> v instanceof EnrollmentRouter.ToPerson, Named.as("enrollment-to-person"))
                .mapValues(v -> ((EnrollmentRouter.ToPerson) v).change(), Named.as("enrollment-person-change"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(PersonInput.EnrollmentChange.class))
                        .withName("enrollments-by-person"))
                .mapValues(v -> (PersonInput) v, Named.as("enrollment-as-person-input"));
        KStream<String, MailboxInput> enrollmentsByMailbox = routed
                .filter((k, v) -> v instanceof EnrollmentRouter.ToMailbox, Named.as("enrollment-to-mailbox"))
                .mapValues(v -> ((EnrollmentRouter.ToMailbox) v).change(), Named.as("enrollment-mailbox-change"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(MailboxInput.MailboxEnrollment.class))
                        .withName("enrollments-by-mailbox"))
                .mapValues(v -> (MailboxInput) v, Named.as("enrollment-as-mailbox-input"));

        // person stage
        KStream<String, PersonInput> people = builder.stream(Topics.PEOPLE.name(), consumed(Topics.PEOPLE, "people-source"))
                .mapValues(p -> (PersonInput) new PersonInput.RecordChange(p == null ? null : AvroViews.personFields(p)),
                        Named.as("person-record-change"));
        // a tombstone (key org/person_id) is the person's erasure: every CRM change of the person is gone
        KStream<String, PersonInput> crmPeople = builder.stream(Topics.CRM_PEOPLE_CHANGES.name(),
                        consumed(Topics.CRM_PEOPLE_CHANGES, "crm-people-source"))
                .mapValues(r -> r == null ? (PersonInput) new PersonInput.CrmPersonErased()
                        : (PersonInput) new PersonInput.CrmPersonChange(crmChange(r, "person")), Named.as("crm-person-change"));
        KStream<String, DomainInput> personViews = people
                .merge(crmPeople, Named.as("person-inputs"))
                .merge(enrollmentsByPerson, Named.as("person-inputs-with-enrollments"))
                .process(PersonProcessor::new, Named.as("person-stage"), StoreNames.PERSON_FACTS)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(DomainInput.class)).withName("person-views"));

        // domain stage
        KStream<String, DomainInput> companies = crmRecords(builder, Topics.CRM_COMPANY_CHANGES, DomainStores.COMPANY);
        KStream<String, DomainInput> opportunities = crmRecords(builder, Topics.CRM_OPPORTUNITY_CHANGES, DomainStores.OPPORTUNITY);
        KStream<String, DomainInput> listEntries = builder.stream(Topics.EXCLUSION_LIST_ENTRIES.name(),
                        consumed(Topics.EXCLUSION_LIST_ENTRIES, "exclusion-list-entries-source"))
                .filter((k, v) -> k != null && k.indexOf('/') != k.lastIndexOf('/'), Named.as("list-entry-keys"))
                .map((k, v) -> listEntryByDomain(k, v), Named.as("list-entry-by-domain"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(DomainInput.class)).withName("list-entries-by-domain"));
        KStream<String, PublisherOutput> published = personViews
                .merge(companies, Named.as("domain-inputs-companies"))
                .merge(opportunities, Named.as("domain-inputs-opportunities"))
                .merge(listEntries, Named.as("domain-inputs"))
                .process(() -> new DomainProcessor(settings), Named.as("domain-stage"), StoreNames.DOMAIN_PEOPLE,
                        StoreNames.DOMAIN_RECORDS, StoreNames.DOMAIN_LISTS, StoreNames.DOMAIN_RESULTS, StoreNames.FLIP_DUE,
                        StoreNames.FLIP_BY_DOMAIN, StoreNames.FLIP_CURSOR, StoreNames.ORG_CONFIG)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(PersonResult.class)).withName("person-results"))
                .process(PublisherProcessor::new, Named.as("publisher"), StoreNames.PUBLICATIONS);

        // mailbox and owner stages
        KStream<String, Object> mailboxOut = builder.stream(Topics.MAILBOXES.name(), consumed(Topics.MAILBOXES, "mailboxes-source"))
                .mapValues(m -> (MailboxInput) new MailboxInput.MailboxChange(m), Named.as("mailbox-change"))
                .merge(enrollmentsByMailbox, Named.as("mailbox-inputs"))
                .process(MailboxProcessor::new, Named.as("mailbox-stage"), StoreNames.MAILBOX_RECORDS, StoreNames.MAILBOX_ENROLLMENTS);
        KStream<String, PublisherOutput> ownerCommands = mailboxOut
                .filter((k, v) -> v instanceof OwnerInput, Named.as("to-owner"))
                .mapValues(v -> (OwnerInput) v, Named.as("owner-input"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(OwnerInput.class)).withName("mailboxes-by-owner"))
                .process(OwnerProcessor::new, Named.as("owner-stage"), StoreNames.OWNER_MAILBOXES);
        KStream<String, PublisherOutput> unownedCommands = mailboxOut
                .filter((k, v) -> v instanceof PublisherOutput, Named.as("mailbox-commands"))
                .mapValues(v -> (PublisherOutput) v, Named.as("mailbox-command-output"));

        KStream<String, PublisherOutput> outputs = published
                .merge(ownerCommands, Named.as("outputs-with-owner-commands"))
                .merge(unownedCommands, Named.as("outputs"));
        outputs.filter((k, v) -> v instanceof PublisherOutput.Matches, Named.as("matches-out"))
                .mapValues(v -> ((PublisherOutput.Matches) v).record(), Named.as("matches-record"))
                .to(Topics.EXCLUSION_MATCHES.name(), produced(Topics.EXCLUSION_MATCHES, "exclusion-matches-sink"));
        outputs.filter((k, v) -> v instanceof PublisherOutput.Command, Named.as("commands-out"))
                .mapValues(v -> ((PublisherOutput.Command) v).command(), Named.as("command-envelope"))
                .to(Topics.COMMANDS.name(), produced(Topics.COMMANDS, "commands-sink"));
        return builder.build();
    }

    private static KStream<String, DomainInput> crmRecords(StreamsBuilder builder, Topic<String, CrmChangeRecord> topic,
                                                          String objectType) {
        return builder.stream(topic.name(), consumed(topic, objectType + "-changes-source"))
                .filter((k, v) -> v != null, Named.as(objectType + "-change-values"))
                .mapValues(r -> (DomainInput) new DomainInput.CrmRecordChange(crmChange(r, objectType)),
                        Named.as(objectType + "-change"));
    }

    /** The object type comes from the topic, whatever the record says. */
    private static CrmChange crmChange(CrmChangeRecord r, String objectType) {
        CrmChange c = AvroViews.crmChange(r);
        return new CrmChange(c.crm(), objectType, c.objectId(), c.fields(), c.deleted(), c.changedAt());
    }

    /** {@code org/list_id/domain} -> {@code org/domain}: the list names the domain, or (tombstone) no longer does. */
    private static KeyValue<String, DomainInput> listEntryByDomain(String key, ExclusionListEntryRecord v) {
        String org = Keys.orgOf(key);
        String domain = key.substring(key.lastIndexOf('/') + 1);
        String listId = key.substring(key.indexOf('/') + 1, key.lastIndexOf('/'));
        return KeyValue.pair(Keys.of(org, domain), new DomainInput.ListEntry(listId, v != null));
    }

    private static void addStores(StreamsBuilder builder) {
        keyValue(builder, StoreNames.ENROLLMENT_ROUTES, JsonSerde.of(EnrollmentRoute.class));
        // personal values in clear (person record and CRM fields, match evidence): in memory, never RocksDB, which
        // keeps deleted values in its files until it compacts them; restored from the compacted changelogs
        inMemory(builder, StoreNames.PERSON_FACTS, JsonSerde.of(PersonFacts.class));
        inMemory(builder, StoreNames.DOMAIN_PEOPLE, JsonSerde.of(PersonView.class));
        keyValue(builder, StoreNames.DOMAIN_RECORDS, JsonSerde.of(CrmObject.class));
        keyValue(builder, StoreNames.DOMAIN_LISTS, Serdes.String());
        inMemory(builder, StoreNames.DOMAIN_RESULTS, JsonSerde.of(StoredResult.class));
        keyValue(builder, StoreNames.FLIP_DUE, Serdes.String());
        keyValue(builder, StoreNames.FLIP_BY_DOMAIN, Serdes.Long());
        keyValue(builder, StoreNames.FLIP_CURSOR, Serdes.String());
        keyValue(builder, StoreNames.ORG_CONFIG, Serdes.String());
        inMemory(builder, StoreNames.PUBLICATIONS, JsonSerde.of(Publication.class));
        keyValue(builder, StoreNames.MAILBOX_RECORDS, Topics.MAILBOXES.valueSerde());
        keyValue(builder, StoreNames.MAILBOX_ENROLLMENTS, Serdes.String());
        keyValue(builder, StoreNames.OWNER_MAILBOXES, JsonSerde.of(OwnerInput.OwnedMailbox.class));
    }

    private static <V> void keyValue(StreamsBuilder builder, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde));
    }

    private static <V> void inMemory(StreamsBuilder builder, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde));
    }

    private static void addGlobalStores(StreamsBuilder builder) {
        global(builder, StoreNames.EXCLUSION_RULES, Topics.EXCLUSION_RULES);
        global(builder, StoreNames.RULESETS, Topics.RULESETS);
        global(builder, StoreNames.SEQUENCES, Topics.SEQUENCES);
        global(builder, StoreNames.SETTINGS, Topics.SETTINGS);
        global(builder, StoreNames.MAILBOX_LOAD, Topics.MAILBOX_LOAD);
    }

    private static <V> void global(StreamsBuilder builder, String storeName, Topic<String, V> topic) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), topic.keySerde(), topic.valueSerde())
                        .withLoggingDisabled(),
                topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(storeName + "-global-source"),
                () -> new GlobalStoreUpdater<>(storeName));
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
