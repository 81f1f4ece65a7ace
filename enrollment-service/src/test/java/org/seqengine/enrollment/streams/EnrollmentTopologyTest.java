package org.seqengine.enrollment.streams;

import org.seqengine.service.kafka.DeadLetters;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.Ids;
import org.seqengine.enrollment.domain.OptOutSource;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandOutcomeRecord;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EnrollCommand;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EnrollmentRejectedEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.OptedOutEvent;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.RejectionRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;

/**
 * The enrollment topology end to end on a {@link TopologyTestDriver}: reference data into the global
 * stores, commands into the decider, and what comes out on events, enrollments, replies, the DLQ and
 * the mailbox-load feedback loop.
 */
class EnrollmentTopologyTest {

    private static final String ORG = "org-1";
    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    private static final String SEQ_A = "seq-a";
    private static final String SEQ_B = "seq-b";
    private static final String RULESET = "rs-1";
    private static final String MAILBOX_1 = "mb-1";
    private static final String MAILBOX_2 = "mb-2";
    private static final String MAILBOX_1_EMAIL = "sender1@acme.example";
    private static final String MAILBOX_2_EMAIL = "sender2@acme.example";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Instant now = START;

    private TestInputTopic<String, CommandEnvelope> commands;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestInputTopic<String, SequenceRecord> sequences;
    private TestInputTopic<String, MailboxRecord> mailboxes;
    private TestInputTopic<String, PersonRecord> people;
    private TestInputTopic<String, RulesetRecord> rulesets;
    private TestInputTopic<String, ExclusionRuleRecord> exclusionRules;
    private TestInputTopic<String, ExclusionMatchesRecord> exclusionMatches;

    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, EnrollmentRecord> enrollments;
    private TestOutputTopic<String, CommandReplyRecord> replies;
    private TestOutputTopic<String, CommandEnvelope> dlq;
    private TestOutputTopic<String, Long> mailboxLoad;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrollment-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // The production handler (DeadLetterDeserializationHandler) writes with a real KafkaProducer,
        // which has no broker here; log-and-continue is the driver-friendly equivalent.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(EnrollmentTopology.build(), props, START);

        commands = input(Topics.COMMANDS);
        rawCommands = driver.createInputTopic(Topics.COMMANDS.name(), new StringSerializer(), new ByteArraySerializer());
        sequences = input(Topics.SEQUENCES);
        mailboxes = input(Topics.MAILBOXES);
        people = input(Topics.PEOPLE);
        rulesets = input(Topics.RULESETS);
        exclusionRules = input(Topics.EXCLUSION_RULES);
        exclusionMatches = input(Topics.EXCLUSION_MATCHES);

        events = output(Topics.EVENTS);
        enrollments = output(Topics.ENROLLMENTS);
        replies = output(Topics.COMMAND_REPLIES);
        dlq = driver.createOutputTopic(Topics.COMMANDS.dlqName(), Topics.COMMANDS.keySerde().deserializer(),
                Topics.COMMANDS.valueSerde().deserializer());
        mailboxLoad = output(Topics.MAILBOX_LOAD);

        seedReferenceData();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void enrollProducesEnrolledEventEnrollmentRecordReplyAndState() {
        String commandId = UUID.randomUUID().toString();
        String expectedId = Ids.enrollmentId(ORG, commandId);

        send(enroll(commandId, "p-1", SEQ_A, MAILBOX_1_EMAIL));

        List<TestRecord<String, EventEnvelope>> evs = events.readRecordsToList();
        assertThat(evs).hasSize(1);
        TestRecord<String, EventEnvelope> ev = evs.get(0);
        assertThat(ev.key()).isEqualTo(Keys.of(ORG, "p-1"));
        assertThat(ev.value().getCommandId()).isEqualTo(commandId);
        assertThat(ev.value().getOrgId()).isEqualTo(ORG);
        assertThat(ev.value().getPersonId()).isEqualTo("p-1");
        assertThat(ev.value().getEnrollmentId()).isEqualTo(expectedId);
        assertThat(ev.value().getOccurredAt()).isEqualTo(START);
        assertThat(ev.value().getPayload()).isInstanceOfSatisfying(EnrolledEvent.class, p -> {
            assertThat(p.getSequenceId()).isEqualTo(SEQ_A);
            assertThat(p.getMailboxId()).isEqualTo(MAILBOX_1);
            assertThat(p.getStartStepIndex()).isZero();
        });

        List<TestRecord<String, EnrollmentRecord>> recs = enrollments.readRecordsToList();
        assertThat(recs).hasSize(1);
        assertThat(recs.get(0).key()).isEqualTo(Keys.of(ORG, expectedId));
        EnrollmentRecord rec = recs.get(0).value();
        assertThat(rec.getId()).isEqualTo(expectedId);
        assertThat(rec.getPersonId()).isEqualTo("p-1");
        assertThat(rec.getSequenceId()).isEqualTo(SEQ_A);
        assertThat(rec.getMailboxId()).isEqualTo(MAILBOX_1);
        assertThat(rec.getFinishReason()).isNull();
        assertThat(rec.getEndedAt()).isNull();
        assertThat(rec.getCanceled()).isFalse();
        assertThat(rec.getCreatedAt()).isEqualTo(START);

        CommandReplyRecord reply = singleReply();
        assertThat(reply.getCommandId()).isEqualTo(commandId);
        assertThat(reply.getOrgId()).isEqualTo(ORG);
        assertThat(reply.getPersonId()).isEqualTo("p-1");
        assertThat(reply.getDuplicate()).isFalse();
        assertThat(reply.getRejections()).isEmpty();
        assertThat(reply.getEnrollmentIds()).containsExactly(expectedId);
        assertThat(reply.getActiveSequenceId()).isNull();
        assertThat(reply.getActiveEnrollmentId()).isNull();

        KeyValueStore<String, PersonStateRecord> personStates = driver.getKeyValueStore(StoreNames.PERSON_STATES);
        PersonStateRecord state = personStates.get(Keys.of(ORG, "p-1"));
        assertThat(state).isNotNull();
        assertThat(state.getEnrollments()).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo(expectedId);
            assertThat(e.getMailboxId()).isEqualTo(MAILBOX_1);
            assertThat(e.getFinishReason()).isNull();
        });
        assertThat(outcome("p-1", commandId)).isNotNull()
                .satisfies(o -> assertThat(o.getEnrollmentIds()).containsExactly(expectedId));

        KeyValueStore<String, EnrollmentRecord> enrollmentStore = driver.getKeyValueStore(StoreNames.ENROLLMENTS);
        assertThat(enrollmentStore.get(Keys.of(ORG, expectedId))).isEqualTo(rec);

        dlqIsEmpty();
    }

    @Test
    void aNoOpIsRememberedSoItsDelayedRetryDoesNotUnenrollALaterEnrollment() {
        String noOpId = UUID.randomUUID().toString();
        EnrollmentCommand.UnenrollPerson unenrollAll = new EnrollmentCommand.UnenrollPerson(meta(noOpId, "p-1"));
        send(unenrollAll);
        assertThat(events.isEmpty()).as("nothing was active").isTrue();
        assertThat(singleReply().getDuplicate()).isFalse();
        assertThat(outcome("p-1", noOpId)).isNotNull();

        String enrollId = UUID.randomUUID().toString();
        send(enroll(enrollId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        drainAll();

        advance(Duration.ofMinutes(10));
        send(new EnrollmentCommand.UnenrollPerson(meta(noOpId, "p-1")));
        assertThat(events.isEmpty()).as("the retry changes nothing").isTrue();
        assertThat(enrollments.isEmpty()).isTrue();
        CommandReplyRecord reply = singleReply();
        assertThat(reply.getDuplicate()).isTrue();
        assertThat(reply.getEnrollmentIds()).isEmpty();
        assertThat(driver.<String, EnrollmentRecord>getKeyValueStore(StoreNames.ENROLLMENTS)
                .get(Keys.of(ORG, Ids.enrollmentId(ORG, enrollId))).getFinishReason()).isNull();
    }

    @Test
    void anEnrollRetriedAfterItsOutcomeExpiredAnswersTheEnrollmentItCreated() {
        String commandId = UUID.randomUUID().toString();
        String expectedId = Ids.enrollmentId(ORG, commandId);
        send(enroll(commandId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        drainAll();

        // another person's command moves the task's stream time past the 7-day retention
        advance(TopologySettings.defaults().commandOutcomeRetention().plusDays(2));
        send(enroll(UUID.randomUUID().toString(), "p-2", SEQ_A, MAILBOX_1_EMAIL));
        drainAll();
        advance(Duration.ofMinutes(1));
        send(new EnrollmentCommand.UnenrollPerson(meta(UUID.randomUUID().toString(), "p-3")));
        drainAll();
        assertThat(outcome("p-1", commandId)).as("expired").isNull();

        send(enroll(commandId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        assertThat(events.isEmpty()).as("no second enrollment").isTrue();
        CommandReplyRecord reply = singleReply();
        assertThat(reply.getRejections()).isEmpty();
        assertThat(reply.getEnrollmentIds()).containsExactly(expectedId);
    }

    @Test
    void secondEnrollIntoAnotherSequenceIsRejectedAsAlreadyEnrolledActive() {
        String first = UUID.randomUUID().toString();
        String firstId = Ids.enrollmentId(ORG, first);
        send(enroll(first, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        drainAll();

        String second = UUID.randomUUID().toString();
        send(enroll(second, "p-1", SEQ_B, MAILBOX_1_EMAIL));

        List<TestRecord<String, EventEnvelope>> evs = events.readRecordsToList();
        assertThat(evs).hasSize(1);
        assertThat(evs.get(0).key()).isEqualTo(Keys.of(ORG, "p-1"));
        assertThat(evs.get(0).value().getCommandId()).isEqualTo(second);
        assertThat(evs.get(0).value().getPayload()).isInstanceOfSatisfying(EnrollmentRejectedEvent.class, p -> {
            assertThat(p.getSequenceId()).isEqualTo(SEQ_B);
            assertThat(p.getReasons()).extracting(RejectionRecord::getCode).containsExactly("ALREADY_ENROLLED_ACTIVE");
            assertThat(p.getActiveSequenceId()).isEqualTo(SEQ_A);
            assertThat(p.getActiveEnrollmentId()).isEqualTo(firstId);
        });

        CommandReplyRecord reply = singleReply();
        assertThat(reply.getCommandId()).isEqualTo(second);
        assertThat(reply.getDuplicate()).isFalse();
        assertThat(reply.getRejections()).extracting(RejectionRecord::getCode).containsExactly("ALREADY_ENROLLED_ACTIVE");
        assertThat(reply.getActiveSequenceId()).isEqualTo(SEQ_A);
        assertThat(reply.getActiveEnrollmentId()).isEqualTo(firstId);
        assertThat(reply.getEnrollmentIds()).doesNotContain(Ids.enrollmentId(ORG, second));

        assertThat(enrollments.isEmpty()).as("no new enrollment record").isTrue();
        KeyValueStore<String, EnrollmentRecord> enrollmentStore = driver.getKeyValueStore(StoreNames.ENROLLMENTS);
        assertThat(enrollmentStore.get(Keys.of(ORG, Ids.enrollmentId(ORG, second)))).isNull();
        KeyValueStore<String, PersonStateRecord> personStates = driver.getKeyValueStore(StoreNames.PERSON_STATES);
        assertThat(personStates.get(Keys.of(ORG, "p-1")).getEnrollments()).extracting(EnrollmentRecord::getId)
                .containsExactly(firstId);
    }

    @Test
    void resentCommandIsADuplicateWithTheSameEnrollmentAndNoNewEvents() {
        String commandId = UUID.randomUUID().toString();
        String expectedId = Ids.enrollmentId(ORG, commandId);
        EnrollmentCommand.Enroll command = enroll(commandId, "p-1", SEQ_A, MAILBOX_1_EMAIL);
        send(command);
        assertThat(events.readRecordsToList()).hasSize(1);
        assertThat(enrollments.readRecordsToList()).hasSize(1);
        assertThat(singleReply().getDuplicate()).isFalse();
        PersonStateRecord stateBefore = driver.<String, PersonStateRecord>getKeyValueStore(StoreNames.PERSON_STATES)
                .get(Keys.of(ORG, "p-1"));

        advance(Duration.ofMinutes(5));
        send(command);

        assertThat(events.isEmpty()).as("no new events").isTrue();
        assertThat(enrollments.isEmpty()).as("no new enrollment records").isTrue();
        CommandReplyRecord reply = singleReply();
        assertThat(reply.getCommandId()).isEqualTo(commandId);
        assertThat(reply.getDuplicate()).isTrue();
        assertThat(reply.getRejections()).isEmpty();
        assertThat(reply.getEnrollmentIds()).containsExactly(expectedId);
        assertThat(driver.<String, PersonStateRecord>getKeyValueStore(StoreNames.PERSON_STATES).get(Keys.of(ORG, "p-1")))
                .isEqualTo(stateBefore);
    }

    @Test
    void newEnrollmentPicksTheLeastLoadedCandidateMailbox() {
        // p-1: both candidates idle, the tie goes to the first candidate (mailbox 1)
        send(enroll(UUID.randomUUID().toString(), "p-1", SEQ_A, MAILBOX_1_EMAIL, MAILBOX_2_EMAIL));
        assertThat(enrolledMailboxes()).containsExactly(MAILBOX_1);

        // the topology feeds its own mailbox-load topic back into the global store
        assertThat(mailboxLoad.readKeyValuesToMap()).containsEntry(Keys.of(ORG, MAILBOX_1), 1L);
        KeyValueStore<String, Long> loadStore = driver.getKeyValueStore(GlobalTable.MAILBOX_LOAD.storeName());
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_1))).isEqualTo(1L);
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_2))).isNull();

        // p-2, same candidates in the same order: mailbox 1 now carries one active enrollment
        advance(Duration.ofSeconds(1));
        send(enroll(UUID.randomUUID().toString(), "p-2", SEQ_A, MAILBOX_1_EMAIL, MAILBOX_2_EMAIL));
        assertThat(enrolledMailboxes()).containsExactly(MAILBOX_2);
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_1))).isEqualTo(1L);
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_2))).isEqualTo(1L);

        // p-3: a tie again (1 vs 1) -> first candidate; candidate emails match case-insensitively
        advance(Duration.ofSeconds(1));
        send(enroll(UUID.randomUUID().toString(), "p-3", SEQ_A, MAILBOX_2_EMAIL.toUpperCase(), MAILBOX_1_EMAIL));
        assertThat(enrolledMailboxes()).containsExactly(MAILBOX_2);
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_2))).isEqualTo(2L);
    }

    @Test
    void aMailboxWhoseEmailChangesIsFoundByItsNewEmailOnlyThoughTheDeciderRemembersEmails() {
        send(enroll(UUID.randomUUID().toString(), "p-1", SEQ_A, MAILBOX_1_EMAIL));
        assertThat(enrolledMailboxes()).containsExactly(MAILBOX_1);
        replies.readValuesToList();

        // mailbox 1 gets another address: the decider's remembered email -> id entry is stale
        mailboxes.pipeInput(Keys.of(ORG, MAILBOX_1), mailbox(MAILBOX_1, "renamed@acme.test"));
        advance(Duration.ofSeconds(1));
        send(enroll(UUID.randomUUID().toString(), "p-2", SEQ_A, MAILBOX_1_EMAIL));
        assertThat(singleReply().getRejections()).extracting(RejectionRecord::getCode).containsExactly("MAILBOX_NOT_FOUND");

        // a new mailbox, and the renamed one by its new address, are found
        mailboxes.pipeInput(Keys.of(ORG, "mb-3"), mailbox("mb-3", "new@acme.test"));
        advance(Duration.ofSeconds(1));
        send(enroll(UUID.randomUUID().toString(), "p-2", SEQ_A, "new@acme.test"));
        assertThat(enrolledMailboxes()).containsExactly("mb-3");
        replies.readValuesToList();
        advance(Duration.ofSeconds(1));
        send(enroll(UUID.randomUUID().toString(), "p-3", SEQ_A, "RENAMED@acme.test"));
        assertThat(enrolledMailboxes()).containsExactly(MAILBOX_1);
    }

    @Test
    void undecodableBytesGoToTheDlqAndTheNextCommandIsDecided() {
        TestOutputTopic<String, byte[]> rawDlq = driver.createOutputTopic(Topics.COMMANDS.dlqName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        rawCommands.pipeInput(Keys.of(ORG, "p-1"), garbage);
        rawCommands.pipeInput(Keys.of(ORG, "p-1"), new byte[] {(byte) 0xC3, 0x01, 1, 2, 3});

        assertThat(events.isEmpty()).isTrue();
        assertThat(replies.isEmpty()).as("no command id: nobody to answer").isTrue();
        List<TestRecord<String, byte[]>> dead = rawDlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0), DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead.get(1), DeadLetters.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(header(dead.get(0), DeadLetters.ERROR_CLASS)).endsWith("SerializationException");

        String commandId = UUID.randomUUID().toString();
        send(enroll(commandId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        assertThat(events.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getPayload()).isInstanceOf(EnrolledEvent.class));
        assertThat(singleReply().getCommandId()).isEqualTo(commandId);
    }

    @Test
    void commandWhoseKeyDoesNotMatchItsPersonGoesToTheDlqAndProcessingContinues() {
        String badId = UUID.randomUUID().toString();
        CommandEnvelope bad = CommandMapper.toAvro(enroll(badId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        commands.pipeInput(Keys.of(ORG, "p-2"), bad, START);

        List<TestRecord<String, CommandEnvelope>> dead = dlq.readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Keys.of(ORG, "p-2"));
            assertThat(r.value()).isEqualTo(bad);
            assertThat(header(r, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.COMMANDS.name());
            assertThat(header(r, DeadLetters.ERROR)).contains("key does not match");
            assertThat(header(r, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(r, DeadLetters.SOURCE_OFFSET)).isNotBlank();
            assertThat(singleReply()).satisfies(reply -> {
                assertThat(reply.getCommandId()).isEqualTo(badId);
                assertThat(reply.getErrorReference()).isEqualTo(header(r, DeadLetters.REFERENCE)).isNotBlank();
            });
        });
        assertThat(events.isEmpty()).isTrue();
        assertThat(enrollments.isEmpty()).isTrue();
        assertThat(driver.<String, PersonStateRecord>getKeyValueStore(StoreNames.PERSON_STATES)
                .get(Keys.of(ORG, "p-2"))).isNull();

        String goodId = UUID.randomUUID().toString();
        send(enroll(goodId, "p-2", SEQ_A, MAILBOX_1_EMAIL));
        assertThat(events.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getPayload()).isInstanceOf(EnrolledEvent.class));
        assertThat(singleReply().getCommandId()).isEqualTo(goodId);
        dlqIsEmpty();
    }

    @Test
    void enrollWithoutMailboxEmailsGoesToTheDlqAndProcessingContinues() {
        CommandEnvelope invalid = CommandEnvelope.newBuilder()
                .setCommandId(UUID.randomUUID().toString()).setOrgId(ORG).setPersonId("p-1").setIssuedAt(START)
                .setPayload(EnrollCommand.newBuilder().setSequenceId(SEQ_A).setMailboxEmails(List.of()).build())
                .build();
        commands.pipeInput(Keys.of(ORG, "p-1"), invalid, START);

        assertThat(dlq.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Keys.of(ORG, "p-1"));
            assertThat(header(r, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.COMMANDS.name());
            assertThat(header(r, DeadLetters.ERROR)).contains("mailbox_emails");
        });
        assertThat(singleReply().getErrorReference()).as("the caller is answered at once").isNotBlank();
        assertThat(events.isEmpty()).isTrue();

        String goodId = UUID.randomUUID().toString();
        send(enroll(goodId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        assertThat(events.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getPayload()).isInstanceOf(EnrolledEvent.class));
        assertThat(singleReply().getCommandId()).isEqualTo(goodId);
    }

    @Test
    void optOutEndsTheActiveEnrollmentAndFreesItsMailbox() {
        String enrollId = UUID.randomUUID().toString();
        String enrollmentId = Ids.enrollmentId(ORG, enrollId);
        send(enroll(enrollId, "p-1", SEQ_A, MAILBOX_1_EMAIL));
        KeyValueStore<String, Long> loadStore = driver.getKeyValueStore(GlobalTable.MAILBOX_LOAD.storeName());
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_1))).isEqualTo(1L);
        drainAll();

        advance(Duration.ofHours(2));
        Instant optOutAt = START.plus(Duration.ofHours(2));
        String optOutId = UUID.randomUUID().toString();
        send(new EnrollmentCommand.OptOut(meta(optOutId, "p-1"), OptOutSource.LINK));

        assertThat(events.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Keys.of(ORG, "p-1"));
            assertThat(r.value().getCommandId()).isEqualTo(optOutId);
            assertThat(r.value().getOccurredAt()).isEqualTo(optOutAt);
            assertThat(r.value().getPayload()).isInstanceOfSatisfying(OptedOutEvent.class, p -> {
                assertThat(p.getSource()).isEqualTo("LINK");
                assertThat(p.getEndedEnrollmentIds()).containsExactly(enrollmentId);
            });
        });

        List<TestRecord<String, EnrollmentRecord>> recs = enrollments.readRecordsToList();
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Keys.of(ORG, enrollmentId));
            assertThat(r.value().getFinishReason()).isEqualTo("OPTED_OUT");
            assertThat(r.value().getEndedAt()).isEqualTo(optOutAt);
            assertThat(r.value().getMailboxId()).isEqualTo(MAILBOX_1);
        });
        assertThat(driver.<String, EnrollmentRecord>getKeyValueStore(StoreNames.ENROLLMENTS)
                .get(Keys.of(ORG, enrollmentId)).getFinishReason()).isEqualTo("OPTED_OUT");

        assertThat(mailboxLoad.readKeyValuesToMap()).containsEntry(Keys.of(ORG, MAILBOX_1), 0L);
        assertThat(loadStore.get(Keys.of(ORG, MAILBOX_1))).isEqualTo(0L);

        CommandReplyRecord reply = singleReply();
        assertThat(reply.getCommandId()).isEqualTo(optOutId);
        assertThat(reply.getRejections()).isEmpty();

        PersonStateRecord state = driver.<String, PersonStateRecord>getKeyValueStore(StoreNames.PERSON_STATES)
                .get(Keys.of(ORG, "p-1"));
        assertThat(state.getOptedOutAt()).isEqualTo(optOutAt);
        assertThat(state.getOptOutSource()).isEqualTo("LINK");

        // and the opted-out person cannot be enrolled again
        send(enroll(UUID.randomUUID().toString(), "p-1", SEQ_B, MAILBOX_1_EMAIL));
        assertThat(singleReply().getRejections()).extracting(RejectionRecord::getCode).containsExactly("OPTED_OUT");
        assertThat(enrollments.isEmpty()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------

    private void seedReferenceData() {
        rulesets.pipeInput(Keys.of(ORG, RULESET), RulesetRecord.newBuilder()
                .setOrgId(ORG).setId(RULESET).setAllowReenrollmentIntoSequences(true)
                .setAllowReenrollmentIntoSameSequence(false).setReenrollmentWaitingDays(0)
                .setExclusionRuleIds(List.of()).build());
        for (String seq : List.of(SEQ_A, SEQ_B)) {
            sequences.pipeInput(Keys.of(ORG, seq), SequenceRecord.newBuilder()
                    .setOrgId(ORG).setId(seq).setName("Sequence " + seq).setIsPublished(true).setIsPaused(false)
                    .setRulesetId(RULESET)
                    .setSteps(List.of(step(0), step(2)))
                    .build());
        }
        mailboxes.pipeInput(Keys.of(ORG, MAILBOX_1), mailbox(MAILBOX_1, MAILBOX_1_EMAIL));
        mailboxes.pipeInput(Keys.of(ORG, MAILBOX_2), mailbox(MAILBOX_2, MAILBOX_2_EMAIL));
        for (String person : List.of("p-1", "p-2", "p-3")) {
            people.pipeInput(Keys.of(ORG, person), PersonRecord.newBuilder()
                    .setOrgId(ORG).setId(person).setEmail(person + "@customer.example")
                    .setFirstName("Ada").setLastName("Lovelace").setCompanyDomain("customer.example")
                    .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false)
                    .build());
        }
        // no exclusion rules apply; an empty match list keeps the topic exercised
        exclusionMatches.pipeInput(Keys.of(ORG, "p-1"), ExclusionMatchesRecord.newBuilder()
                .setOrgId(ORG).setPersonId("p-1").setMatches(List.of()).build());
        exclusionRules.pipeInput(Keys.of(ORG, "rule-unused"), ExclusionRuleRecord.newBuilder()
                .setOrgId(ORG).setId("rule-unused").setName("unused").setLevel("PERSON")
                .setExcludeFromSequences(true).setRemoveFromActiveSequences(true).build());
    }

    private static StepRecord step(int waitDays) {
        return StepRecord.newBuilder().setType("EMAIL").setWaitDays(waitDays).setSubject("Hi").setBody("Hello").build();
    }

    private static MailboxRecord mailbox(String id, String email) {
        return MailboxRecord.newBuilder().setOrgId(ORG).setId(id).setEmail(email).setDisplayName("Sender " + id)
                .setOwnerId("user-1").setIsPaused(false).setIsUnauthorized(false).build();
    }

    private CommandMeta meta(String commandId, String personId) {
        return new CommandMeta(commandId, ORG, personId, now, "test", null);
    }

    private EnrollmentCommand.Enroll enroll(String commandId, String personId, String sequenceId, String... emails) {
        return new EnrollmentCommand.Enroll(meta(commandId, personId), sequenceId, List.of(emails));
    }

    /** Moves the driver's wall clock (the decider's "now") and the commands' issued_at together. */
    private void advance(Duration d) {
        driver.advanceWallClockTime(d);
        now = now.plus(d);
    }

    private void send(EnrollmentCommand command) {
        commands.pipeInput(Keys.of(command.meta().orgId(), command.meta().personId()), CommandMapper.toAvro(command),
                command.meta().issuedAt());
    }

    /** The remembered first outcome of a command, or null once it left the retention window. */
    private CommandOutcomeRecord outcome(String personId, String commandId) {
        WindowStore<String, CommandOutcomeRecord> store = driver.getWindowStore(StoreNames.COMMAND_OUTCOMES);
        try (WindowStoreIterator<CommandOutcomeRecord> it = store.fetch(Keys.of(ORG, personId) + "/" + commandId,
                0L, Long.MAX_VALUE)) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    private CommandReplyRecord singleReply() {
        List<TestRecord<String, CommandReplyRecord>> all = replies.readRecordsToList();
        assertThat(all).hasSize(1);
        return all.get(0).value();
    }

    private List<String> enrolledMailboxes() {
        return events.readValuesToList().stream()
                .map(EventEnvelope::getPayload)
                .filter(EnrolledEvent.class::isInstance)
                .map(p -> ((EnrolledEvent) p).getMailboxId())
                .toList();
    }

    private void drainAll() {
        events.readRecordsToList();
        enrollments.readRecordsToList();
        replies.readRecordsToList();
        mailboxLoad.readRecordsToList();
    }

    private void dlqIsEmpty() {
        assertThat(dlq.isEmpty()).as("nothing dead-lettered").isTrue();
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
