package org.seqengine.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ClearOptOutCommand;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.EnrollCommand;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.OptOutCommand;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.schemas.avro.UnenrollPersonCommand;

/**
 * Deterministic reference data (one organization, mailboxes, sequences, people) and commands,
 * written straight to the public topics with the {@code schemas} serdes, as an upstream system would.
 * Ids are name-based UUIDs, so two runs over the same sizes produce identical data.
 */
public final class Fixture {

    public static final String ORG = ServiceProcess.ORG;
    public static final int SEQUENCES = 4;
    public static final int MAILBOXES = 4;

    private Fixture() {
    }

    public static String personId(int i) {
        return uuid("person-" + i);
    }

    public static String sequenceId(int i) {
        return uuid("sequence-" + i);
    }

    public static String mailboxId(int i) {
        return uuid("mailbox-" + i);
    }

    public static String mailboxEmail(int i) {
        return "sender" + i + "@bench-sales.example";
    }

    public static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Mailboxes, published sequences (3 steps, no ruleset) and people {@code from..to-1}. */
    public static void publishReferenceData(KafkaProducer<byte[], byte[]> producer, int fromPerson, int toPerson) {
        for (int i = 0; i < MAILBOXES; i++) {
            send(producer, Topics.MAILBOXES, mailboxId(i), MailboxRecord.newBuilder().setOrgId(ORG).setId(mailboxId(i))
                    .setEmail(mailboxEmail(i)).setDisplayName("Sender " + i).setOwnerId("owner-" + i)
                    .setIsPaused(false).setIsUnauthorized(false).build());
        }
        List<StepRecord> steps = List.of(
                StepRecord.newBuilder().setType("EMAIL").setWaitDays(0).setSubject("Hi").setBody("Hello").build(),
                StepRecord.newBuilder().setType("EMAIL").setWaitDays(3).setSubject("Re: Hi").setBody("Following up").build(),
                StepRecord.newBuilder().setType("TASK").setWaitDays(2).setSubject(null).setBody(null).build());
        for (int i = 0; i < SEQUENCES; i++) {
            send(producer, Topics.SEQUENCES, sequenceId(i), SequenceRecord.newBuilder().setOrgId(ORG).setId(sequenceId(i))
                    .setName("Sequence " + i).setIsPublished(true).setIsPaused(false).setRulesetId(null)
                    .setSteps(steps).setUpdatedAt(null).build());
        }
        publishPeople(producer, fromPerson, toPerson);
    }

    /** People {@code from..to-1}, spread over 997 company domains ({@code customer<i % 997>.example}). */
    public static void publishPeople(KafkaProducer<byte[], byte[]> producer, int from, int to) {
        publishPeople(producer, from, to, i -> "customer" + (i % 997) + ".example");
    }

    /** People {@code from..to-1} at the company domain {@code domainOf(i)}. */
    public static void publishPeople(KafkaProducer<byte[], byte[]> producer, int from, int to, IntFunction<String> domainOf) {
        for (int i = from; i < to; i++) {
            String domain = domainOf.apply(i);
            send(producer, Topics.PEOPLE, personId(i), PersonRecord.newBuilder().setOrgId(ORG).setId(personId(i))
                    .setEmail("person" + i + "@" + domain).setFirstName("P" + i)
                    .setLastName("Bench").setLinkedinUrl(null).setCompanyDomain(domain)
                    .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false)
                    .setAttributes(Map.of()).build());
        }
        producer.flush();
    }

    /**
     * An exclusion rule that applies to every sequence of the org ({@code exclude_from_sequences}) and
     * ends active enrollments ({@code remove_from_active_sequences}); {@code level} PERSON or COMPANY.
     */
    public static void publishExclusionRule(KafkaProducer<byte[], byte[]> producer, String id, String level, String filterJson) {
        send(producer, Topics.EXCLUSION_RULES, id, ExclusionRuleRecord.newBuilder().setOrgId(ORG).setId(id)
                .setName("benchmark rule " + id).setLevel(level).setExcludeFromSequences(true)
                .setRemoveFromActiveSequences(true).setFilterJson(filterJson).build());
        producer.flush();
    }

    /** A change of person {@code person}'s CRM record (object id {@code crm-<person>}), as a connector writes it. */
    public static CrmChangeRecord crmPersonChange(int person, Map<String, String> fields, Instant changedAt) {
        return CrmChangeRecord.newBuilder().setOrgId(ORG).setCrm("salesforce").setObjectType("person")
                .setObjectId("crm-" + person).setPersonId(personId(person)).setDomain(null)
                .setFields(new HashMap<>(fields)).setDeleted(false).setChangedAt(changedAt).setReceivedAt(null).build();
    }

    /** Sends a person change to {@code crm.people-changes.v1}, keyed {@code org_id/person_id}. */
    public static void sendCrmPersonChange(KafkaProducer<byte[], byte[]> producer, CrmChangeRecord change) {
        send(producer, Topics.CRM_PEOPLE_CHANGES, change.getPersonId(), change);
    }

    public static CommandEnvelope enroll(String commandId, int person, int sequence) {
        return envelope(commandId, person, EnrollCommand.newBuilder().setSequenceId(sequenceId(sequence))
                .setMailboxEmails(List.of(mailboxEmail(person % MAILBOXES), mailboxEmail((person + 1) % MAILBOXES))).build());
    }

    public static CommandEnvelope optOut(String commandId, int person) {
        return envelope(commandId, person, OptOutCommand.newBuilder().setSource("API").build());
    }

    public static CommandEnvelope clearOptOut(String commandId, int person) {
        return envelope(commandId, person, ClearOptOutCommand.newBuilder()
                .setPermissionNote("Asked to be re-added (benchmark)").build());
    }

    public static CommandEnvelope unenrollPerson(String commandId, int person) {
        return envelope(commandId, person, UnenrollPersonCommand.newBuilder().build());
    }

    private static CommandEnvelope envelope(String commandId, int person, Object payload) {
        return CommandEnvelope.newBuilder().setCommandId(commandId).setOrgId(ORG).setPersonId(personId(person))
                .setIssuedAt(Instant.now()).setActor("benchmarks").setReason(null).setPayload(payload).build();
    }

    /** Sends a command keyed {@code org_id/person_id}, as the REST edge does. */
    public static void sendCommand(KafkaProducer<byte[], byte[]> producer, CommandEnvelope command) {
        String key = Keys.of(command.getOrgId(), command.getPersonId());
        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(),
                Topics.COMMANDS.keySerde().serializer().serialize(Topics.COMMANDS.name(), key),
                Topics.COMMANDS.valueSerde().serializer().serialize(Topics.COMMANDS.name(), command)));
    }

    /** Sends {@code value} to {@code topic} keyed {@code org_id/id} (the organization of the fixture). */
    public static <V extends SpecificRecord> void send(KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic,
                                                       String id, V value) {
        String key = Keys.of(ORG, id);
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }
}
