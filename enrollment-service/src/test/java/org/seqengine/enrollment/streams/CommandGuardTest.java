package org.seqengine.enrollment.streams;

import org.seqengine.service.kafka.DeadLetters;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.Ids;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.testsupport.PoisonedDecider;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.RepliedEvent;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;

/**
 * {@link CommandGuard} in the real topology: a command the decider throws on, or whose outputs are
 * over the producer's size limit, leaves nothing but its dead letter and an error reply — both from
 * the same process call, so in the task's transaction — and the next command is decided.
 */
class CommandGuardTest {

    private static final String ORG = "org-1";
    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    private static final String SEQ = "seq-a";
    private static final String MAILBOX = "mb-1";
    private static final String MAILBOX_EMAIL = "sender1@acme.example";
    private static final int MAX_REQUEST_SIZE = 8192;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, EnrollmentRecord> enrollments;
    private TestOutputTopic<String, CommandReplyRecord> replies;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "command-guard-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), String.valueOf(MAX_REQUEST_SIZE));
        driver = new TopologyTestDriver(EnrollmentTopology.build(PoisonedDecider::new), props, START);

        commands = driver.createInputTopic(Topics.COMMANDS.name(), Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer());
        events = output(Topics.EVENTS);
        enrollments = output(Topics.ENROLLMENTS);
        replies = output(Topics.COMMAND_REPLIES);
        dlq = driver.createOutputTopic(Topics.COMMANDS.dlqName(), new StringDeserializer(), new ByteArrayDeserializer());

        driver.createInputTopic(Topics.SEQUENCES.name(), Topics.SEQUENCES.keySerde().serializer(),
                Topics.SEQUENCES.valueSerde().serializer()).pipeInput(Keys.of(ORG, SEQ), SequenceRecord.newBuilder()
                .setOrgId(ORG).setId(SEQ).setName("Sequence").setIsPublished(true).setIsPaused(false)
                .setSteps(List.of(StepRecord.newBuilder().setType("EMAIL").setWaitDays(0).setSubject("Hi").setBody("Hello").build()))
                .build());
        driver.createInputTopic(Topics.MAILBOXES.name(), Topics.MAILBOXES.keySerde().serializer(),
                Topics.MAILBOXES.valueSerde().serializer()).pipeInput(Keys.of(ORG, MAILBOX), MailboxRecord.newBuilder()
                .setOrgId(ORG).setId(MAILBOX).setEmail(MAILBOX_EMAIL).setDisplayName("Sender").setOwnerId("user-1")
                .setIsPaused(false).setIsUnauthorized(false).build());
        TestInputTopic<String, PersonRecord> people = driver.createInputTopic(Topics.PEOPLE.name(),
                Topics.PEOPLE.keySerde().serializer(), Topics.PEOPLE.valueSerde().serializer());
        for (String person : List.of("p-1", "p-2")) {
            people.pipeInput(Keys.of(ORG, person), PersonRecord.newBuilder().setOrgId(ORG).setId(person)
                    .setEmail(person + "@customer.example").setFirstName("Ada").setLastName("Lovelace")
                    .setCompanyDomain("customer.example").setDoNotEmail(false).setEmailOptOut(false)
                    .setHighBounceRisk(false).build());
        }
    }

    @AfterEach
    void tearDown() {
        if (driver != null) driver.close();
    }

    @Test
    void deciderFailureLeavesOnlyTheDeadLetterAndAnErrorReplyAndTheNextCommandIsDecided() {
        String poisonId = UUID.randomUUID().toString();
        CommandEnvelope poison = CommandMapper.toAvro(enroll(poisonId, "p-1", PoisonedDecider.POISON));
        commands.pipeInput(Keys.of(ORG, "p-1"), poison, START);

        // the decider had forwarded an Enrolled event and written its stores before it threw: all gone
        assertThat(events.isEmpty()).isTrue();
        assertThat(enrollments.isEmpty()).isTrue();
        assertThat(personState("p-1")).isNull();
        KeyValueStore<String, EnrollmentRecord> enrollmentStore = driver.getKeyValueStore(StoreNames.ENROLLMENTS);
        assertThat(enrollmentStore.get(Keys.of(ORG, Ids.enrollmentId(ORG, poisonId)))).isNull();

        TestRecord<String, byte[]> dead = dlq.readRecordsToList().stream().reduce((a, b) -> {
            throw new AssertionError("one dead letter expected");
        }).orElseThrow();
        assertThat(dead.key()).isEqualTo(Keys.of(ORG, "p-1"));
        assertThat(Topics.COMMANDS.valueSerde().deserializer().deserialize(Topics.COMMANDS.name(), dead.value()))
                .as("the command's own bytes").isEqualTo(poison);
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.COMMANDS.name());
        assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).isEqualTo(PoisonedDecider.MESSAGE);
        String reference = header(dead, DeadLetters.REFERENCE);
        assertThat(reference).isEqualTo(DeadLetters.reference(Topics.COMMANDS.name(), 0, 0));

        assertThat(replies.readValuesToList()).singleElement().satisfies(reply -> {
            assertThat(reply.getCommandId()).isEqualTo(poisonId);
            assertThat(reply.getErrorReference()).isEqualTo(reference);
            assertThat(reply.getError()).contains(PoisonedDecider.MESSAGE);
            assertThat(reply.getEnrollmentIds()).isEmpty();
        });

        String nextId = UUID.randomUUID().toString();
        commands.pipeInput(Keys.of(ORG, "p-1"), CommandMapper.toAvro(enroll(nextId, "p-1", null)), START);
        assertThat(events.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getPayload()).isInstanceOf(EnrolledEvent.class));
        assertThat(replies.readValuesToList()).singleElement().satisfies(reply -> {
            assertThat(reply.getCommandId()).isEqualTo(nextId);
            assertThat(reply.getErrorReference()).isNull();
        });
        assertThat(personState("p-1").getEnrollments()).hasSize(1);
        assertThat(dlq.isEmpty()).isTrue();

        // the poisoned command's outcome was not remembered either: its retry is not a "duplicate"
        commands.pipeInput(Keys.of(ORG, "p-1"), poison, START);
        assertThat(replies.readValuesToList()).singleElement().satisfies(reply -> {
            assertThat(reply.getCommandId()).isEqualTo(poisonId);
            assertThat(reply.getDuplicate()).isFalse();
            assertThat(reply.getErrorReference()).isNotNull();
        });
        assertThat(dlq.readRecordsToList()).hasSize(1);
    }

    @Test
    void outputOverTheSizeLimitIsDeadLetteredInsteadOfFailingTheProducer() {
        String enrollId = UUID.randomUUID().toString();
        commands.pipeInput(Keys.of(ORG, "p-1"), CommandMapper.toAvro(enroll(enrollId, "p-1", null)), START);
        String enrollmentId = Ids.enrollmentId(ORG, enrollId);
        events.readRecordsToList();
        enrollments.readRecordsToList();
        replies.readRecordsToList();
        PersonStateRecord before = personState("p-1");

        String hugeId = UUID.randomUUID().toString();
        commands.pipeInput(Keys.of(ORG, "p-1"),
                CommandMapper.toAvro(reply(hugeId, "p-1", enrollmentId, "x".repeat(MAX_REQUEST_SIZE + 100))), START);

        assertThat(events.isEmpty()).isTrue();
        assertThat(enrollments.isEmpty()).isTrue();
        assertThat(personState("p-1")).as("state untouched").isEqualTo(before);
        assertThat(dlq.readRecordsToList()).singleElement().satisfies(dead -> {
            assertThat(header(dead, DeadLetters.ERROR_CLASS)).endsWith("RecordTooLargeException");
            assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("max.request.size " + MAX_REQUEST_SIZE);
            // the command itself is over the limit with the headers: its body is left out, not lost silently
            assertThat(dead.value()).isNull();
            assertThat(Integer.parseInt(header(dead, DeadLetters.VALUE_OMITTED))).isGreaterThan(MAX_REQUEST_SIZE);
            assertThat(replies.readValuesToList()).singleElement().satisfies(reply -> {
                assertThat(reply.getCommandId()).isEqualTo(hugeId);
                assertThat(reply.getErrorReference()).isEqualTo(header(dead, DeadLetters.REFERENCE));
            });
        });

        String smallId = UUID.randomUUID().toString();
        commands.pipeInput(Keys.of(ORG, "p-1"), CommandMapper.toAvro(reply(smallId, "p-1", enrollmentId, "Re: hi")), START);
        assertThat(events.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getPayload()).isInstanceOf(RepliedEvent.class));
        assertThat(replies.readValuesToList()).singleElement()
                .satisfies(reply -> assertThat(reply.getErrorReference()).isNull());
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void undecodableCommandIsDeadLetteredAsItsBytesWithoutAReply() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.COMMANDS.name(),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        byte[] garbage = {(byte) 0xC3, 0x01, 9, 9, 9};
        raw.pipeInput(Keys.of(ORG, "p-2"), garbage);

        assertThat(dlq.readRecordsToList()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(header(dead, DeadLetters.REFERENCE)).isNotBlank();
        });
        assertThat(replies.isEmpty()).isTrue();

        String nextId = UUID.randomUUID().toString();
        commands.pipeInput(Keys.of(ORG, "p-2"), CommandMapper.toAvro(enroll(nextId, "p-2", null)), START);
        assertThat(replies.readValuesToList()).singleElement()
                .satisfies(reply -> assertThat(reply.getEnrollmentIds()).hasSize(1));
    }

    private PersonStateRecord personState(String person) {
        return driver.<String, PersonStateRecord>getKeyValueStore(StoreNames.PERSON_STATES).get(Keys.of(ORG, person));
    }

    private static EnrollmentCommand.Enroll enroll(String commandId, String personId, String reason) {
        return new EnrollmentCommand.Enroll(new CommandMeta(commandId, ORG, personId, START, "test", reason), SEQ,
                List.of(MAILBOX_EMAIL));
    }

    private static EnrollmentCommand.RecordReply reply(String commandId, String personId, String enrollmentId, String subject) {
        return new EnrollmentCommand.RecordReply(new CommandMeta(commandId, ORG, personId, START, "mailer", null),
                enrollmentId, "reply-" + commandId, subject, ReplyClassification.POSITIVE, START, null);
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
