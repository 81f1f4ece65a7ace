package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.Ids;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.PersonErasedEvent;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RepliedEvent;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.schemas.avro.SuppressionRecord;
import org.seqengine.schemas.avro.UnenrolledEvent;
import org.seqengine.schemas.personal.PersonalSeal;
import org.seqengine.schemas.personal.SuppressionKeys;

/**
 * Personal data through the decider's topology: a reply's subject is sealed before anything records
 * it, and an erase shreds the key, tombstones the person's records and suppresses the email in the
 * erasing decision itself, so a re-created person with that email is refused.
 */
class PersonalDataTopologyTest {

    private static final String ORG = "org-1";
    private static final String SEQ = "seq-1";
    private static final String MAILBOX_EMAIL = "sender@acme.example";
    private static final String PERSON = "p-1";
    private static final String EMAIL = "Ada@Customer.example";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Instant now = START;
    private int commandCount;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestInputTopic<String, PersonRecord> people;
    private TestInputTopic<String, SuppressionRecord> suppressionsIn;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, EnrollmentRecord> enrollments;
    private TestOutputTopic<String, CommandReplyRecord> replies;
    private TestOutputTopic<String, PersonKeyRecord> keys;
    private TestOutputTopic<String, SuppressionRecord> suppressions;
    private TestOutputTopic<String, PersonRecord> peopleOut;
    private TestOutputTopic<String, CrmChangeRecord> crmPeople;
    private TestOutputTopic<String, ExclusionMatchesRecord> matches;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "personal-data-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        driver = new TopologyTestDriver(EnrollmentTopology.build(TopologySettings.defaults()), props, START);
        commands = input(Topics.COMMANDS);
        people = input(Topics.PEOPLE);
        suppressionsIn = input(Topics.SUPPRESSIONS);
        events = output(Topics.EVENTS);
        enrollments = output(Topics.ENROLLMENTS);
        replies = output(Topics.COMMAND_REPLIES);
        keys = output(Topics.PEOPLE_KEYS);
        suppressions = output(Topics.SUPPRESSIONS);
        peopleOut = output(Topics.PEOPLE);
        crmPeople = output(Topics.CRM_PEOPLE_CHANGES);
        matches = output(Topics.EXCLUSION_MATCHES);

        input(Topics.SEQUENCES).pipeInput(Keys.of(ORG, SEQ), SequenceRecord.newBuilder().setOrgId(ORG).setId(SEQ)
                .setName("Sequence").setIsPublished(true).setIsPaused(false).setVersion(1)
                .setSchedule((SendScheduleRecord) null)
                .setSteps(List.of(StepRecord.newBuilder().setType("EMAIL").setWaitDays(0).setSubject("Hi {{first_name}}")
                        .setBody("Hello").build()))
                .build());
        input(Topics.MAILBOXES).pipeInput(Keys.of(ORG, "mb-1"), MailboxRecord.newBuilder().setOrgId(ORG).setId("mb-1")
                .setEmail(MAILBOX_EMAIL).setDisplayName("Sender").setOwnerId("user-7").setIsPaused(false)
                .setIsUnauthorized(false).build());
        people.pipeInput(Keys.of(ORG, PERSON), person(PERSON, EMAIL));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aReplySubjectArrivingInClearIsSealedBeforeTheEventOrTheEnrollmentRecordsIt() {
        String enrollmentId = enroll(PERSON);

        send(PERSON, new EnrollmentCommand.RecordReply(meta(PERSON, "reply-1"), enrollmentId, "r-1", "Re: Hi Ada",
                ReplyClassification.POSITIVE, now, null, false));

        RepliedEvent replied = (RepliedEvent) events.readValuesToList().stream().map(EventEnvelope::getPayload)
                .filter(p -> p instanceof RepliedEvent).findFirst().orElseThrow();
        assertThat(replied.getReply().getSubject()).isNull();
        PersonKeyRecord key = keys.readKeyValuesToMap().get(Keys.of(ORG, PERSON));
        assertThat(PersonalSeal.openField(key, replied.getReply().getSealedSubject(), "subject")).isEqualTo("Re: Hi Ada");
        EnrollmentRecord stored = last(enrollments.readValuesToList());
        assertThat(stored.getReply().getSubject()).isNull();
        assertThat(PersonalSeal.openField(key, stored.getReply().getSealedSubject(), "subject")).isEqualTo("Re: Hi Ada");
    }

    @Test
    void anEraseShredsTheKeyTombstonesThePersonsRecordsAndSuppressesTheEmailInOneDecision() {
        String enrollmentId = enroll(PERSON);
        send(PERSON, new EnrollmentCommand.DispatchStep(meta(PERSON, "dispatch-1"), enrollmentId, 0, 1));
        assertThat(keys.readKeyValuesToMap()).containsKey(Keys.of(ORG, PERSON)); // made when first enrolled
        events.readValuesToList();
        enrollments.readValuesToList();

        send(PERSON, new EnrollmentCommand.ErasePerson(meta(PERSON, "erase-job/job-1/" + PERSON), "job-1"));

        List<Object> payloads = events.readValuesToList().stream().map(EventEnvelope::getPayload).toList();
        assertThat(payloads).hasSize(2);
        assertThat(((UnenrolledEvent) payloads.get(0)).getFinishReason()).isEqualTo("PERSON_ERASED");
        assertThat(payloads.get(1)).isEqualTo(new PersonErasedEvent(1, 1, true));
        EnrollmentRecord erased = last(enrollments.readValuesToList());
        assertThat(erased.getPersonErased()).isTrue();
        assertThat(erased.getFinishReason()).isEqualTo("PERSON_ERASED");

        String personKey = Keys.of(ORG, PERSON);
        assertThat(keys.readKeyValuesToList()).containsExactly(KeyValue.pair(personKey, null));
        assertThat(peopleOut.readKeyValuesToList()).containsExactly(KeyValue.pair(personKey, null));
        assertThat(crmPeople.readKeyValuesToList()).containsExactly(KeyValue.pair(personKey, null));
        assertThat(matches.readKeyValuesToList()).containsExactly(KeyValue.pair(personKey, null));
        List<KeyValue<String, SuppressionRecord>> suppressed = suppressions.readKeyValuesToList();
        String suppressionKey = new SuppressionKeys(TopologySettings.TEST_SUPPRESSION_SECRET).keyOf(ORG, "ada@customer.example");
        assertThat(suppressed).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(suppressionKey).doesNotContainIgnoringCase("ada");
            assertThat(kv.value.getReason()).isEqualTo("ERASED");
        });
    }

    @Test
    void aPersonRecreatedWithTheErasedEmailIsRefusedSuppressedAndAnotherEmailIsNot() {
        enroll(PERSON);
        send(PERSON, new EnrollmentCommand.ErasePerson(meta(PERSON, "erase-1"), null));
        suppressions.readKeyValuesToList().forEach(kv -> suppressionsIn.pipeInput(kv.key, kv.value));
        replies.readValuesToList();

        // a CRM sync re-creates them under a new id, the address written another way
        people.pipeInput(Keys.of(ORG, "p-2"), person("p-2", " ada@customer.EXAMPLE"));
        send("p-2", new EnrollmentCommand.Enroll(meta("p-2", "enroll-again"), SEQ, List.of(MAILBOX_EMAIL)));
        assertThat(last(replies.readValuesToList()).getRejections()).singleElement()
                .satisfies(r -> assertThat(r.getCode()).isEqualTo("SUPPRESSED"));

        people.pipeInput(Keys.of(ORG, "p-3"), person("p-3", "grace@customer.example"));
        send("p-3", new EnrollmentCommand.Enroll(meta("p-3", "enroll-other"), SEQ, List.of(MAILBOX_EMAIL)));
        assertThat(last(replies.readValuesToList()).getRejections()).isEmpty();
    }

    private String enroll(String personId) {
        String commandId = "enroll-" + (++commandCount);
        send(personId, new EnrollmentCommand.Enroll(meta(personId, commandId), SEQ, List.of(MAILBOX_EMAIL)));
        assertThat(last(replies.readValuesToList()).getRejections()).isEmpty();
        return Ids.enrollmentId(ORG, commandId);
    }

    private CommandMeta meta(String personId, String commandId) {
        now = now.plusSeconds(1);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        return new CommandMeta(commandId, ORG, personId, now, "tester", null);
    }

    private void send(String personId, EnrollmentCommand command) {
        commands.pipeInput(Keys.of(ORG, personId), CommandMapper.toAvro(command), now);
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    private static PersonRecord person(String id, String email) {
        return PersonRecord.newBuilder().setOrgId(ORG).setId(id).setEmail(email).setFirstName("Ada")
                .setLastName("Lovelace").setCompanyDomain("customer.example").setDoNotEmail(false)
                .setEmailOptOut(false).setHighBounceRisk(false).setAttributes(Map.of()).build();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
