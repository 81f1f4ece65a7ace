package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.domain.BlockReason;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.Ids;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.scheduler.domain.TimeScale;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.BlockedEvent;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepDispatchedEvent;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.schemas.avro.TaskRecord;

/**
 * DispatchStep through the topology: one command writes the event, the enrollment and the send
 * request (or the task) together, the send request carries the rendered text, tasks open and close
 * with their steps, the enrollment's own sequence version is what goes out, and SCHEDULER_DAY_LENGTH
 * reaches the decider.
 */
class DispatchTopologyTest {

    private static final String ORG = "org-1";
    private static final String SEQ = "seq-1";
    private static final String MAILBOX = "mb-1";
    private static final String MAILBOX_EMAIL = "sender@acme.example";
    private static final String PERSON = "p-1";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Instant now = START;
    private int commandCount;

    private TestInputTopic<String, CommandEnvelope> commands;
    private TestInputTopic<String, SequenceRecord> sequences;
    private TestInputTopic<String, SequenceRecord> sequenceVersions;
    private TestInputTopic<String, MailboxRecord> mailboxes;
    private TestInputTopic<String, PersonRecord> people;

    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, EnrollmentRecord> enrollments;
    private TestOutputTopic<String, CommandReplyRecord> replies;
    private TestOutputTopic<String, SendRequestRecord> sendRequests;
    private TestOutputTopic<String, TaskRecord> tasks;
    private TestOutputTopic<String, org.seqengine.schemas.avro.PersonKeyRecord> keys;
    private final Map<String, org.seqengine.schemas.avro.PersonKeyRecord> personKeys = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        start(TopologySettings.defaults());
    }

    private void start(TopologySettings settings) {
        if (driver != null) driver.close();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dispatch-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(EnrollmentTopology.build(settings), props, START);
        commands = input(Topics.COMMANDS);
        sequences = input(Topics.SEQUENCES);
        sequenceVersions = input(Topics.SEQUENCE_VERSIONS);
        mailboxes = input(Topics.MAILBOXES);
        people = input(Topics.PEOPLE);
        events = output(Topics.EVENTS);
        enrollments = output(Topics.ENROLLMENTS);
        replies = output(Topics.COMMAND_REPLIES);
        sendRequests = output(Topics.SEND_REQUESTS);
        tasks = output(Topics.TASKS);
        keys = output(Topics.PEOPLE_KEYS);

        sequences.pipeInput(Keys.of(ORG, SEQ), sequence(1, List.of(
                email("Hi {{first_name}}", "Saw {{company_domain}}; as {{attributes.title}} you may like this."),
                task("Call {{first_name}} {{last_name}}"),
                email("Bye {{first_name}}", "Last one."))));
        mailboxes.pipeInput(Keys.of(ORG, MAILBOX), MailboxRecord.newBuilder().setOrgId(ORG).setId(MAILBOX)
                .setEmail(MAILBOX_EMAIL).setDisplayName("Sender").setOwnerId("user-7").setIsPaused(false)
                .setIsUnauthorized(false).build());
        people.pipeInput(Keys.of(ORG, PERSON), person(Map.of("title", "CTO")));
    }

    @AfterEach
    void tearDown() {
        if (driver != null) driver.close();
    }

    @Test
    void aDispatchWritesTheEventTheEnrollmentAndTheRenderedSendRequestTogether() {
        String enrollmentId = enroll();

        send(dispatch(enrollmentId, 0, 1));

        List<EventEnvelope> out = events.readValuesToList();
        assertThat(out).singleElement().satisfies(e -> assertThat(e.getPayload()).isInstanceOf(StepDispatchedEvent.class));
        StepDispatchedEvent dispatched = (StepDispatchedEvent) out.get(0).getPayload();
        String requestId = Ids.sendRequestId(enrollmentId, 0, 1);
        assertThat(dispatched.getSendRequestId()).isEqualTo(requestId);
        assertThat(dispatched.getStepType()).isEqualTo("EMAIL");
        assertThat(dispatched.getMailboxId()).isEqualTo(MAILBOX);

        EnrollmentRecord enrollment = enrollments.readValuesToList().get(0);
        assertThat(enrollment.getDispatchedStepIndex()).isEqualTo(0);
        assertThat(enrollment.getDispatchedRequestId()).isEqualTo(requestId);

        List<TestRecord<String, SendRequestRecord>> requests = sendRequests.readRecordsToList();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).key()).isEqualTo(Keys.of(ORG, PERSON));
        SendRequestRecord request = requests.get(0).value();
        assertThat(request.getRequestId()).isEqualTo(requestId);
        // the personal values travel sealed with the person's key, published in the same transaction
        assertThat(request.getToEmail()).isNull();
        assertThat(request.getSubject()).isNull();
        assertThat(request.getBody()).isNull();
        assertThat(opened(request.getSealed())).containsEntry("subject", "Hi Ada")
                .containsEntry("body", "Saw customer.example; as CTO you may like this.")
                .containsEntry("to_email", "ada@customer.example");
        assertThat(request.getFromEmail()).isEqualTo(MAILBOX_EMAIL);
        assertThat(request.getEnrollmentId()).isEqualTo(enrollmentId);
        assertThat(request.getStepIndex()).isZero();
        assertThat(request.getAttempt()).isEqualTo(1);
        assertThat(request.getSequenceVersion()).isEqualTo(1);
        assertThat(request.getRequestedAt()).isEqualTo(out.get(0).getOccurredAt());
        assertThat(tasks.isEmpty()).isTrue();
        assertThat(replies.readValuesToList()).singleElement()
                .satisfies(r -> assertThat(r.getRejections()).isEmpty());

        // redelivered: the same command id changes nothing and sends nothing
        send(dispatch(enrollmentId, 0, 1));
        assertThat(events.isEmpty()).isTrue();
        assertThat(sendRequests.isEmpty()).isTrue();
    }

    @Test
    void aBlockedStepWritesNoSendRequestAndItsRetryAfterTheFixDoes() {
        people.pipeInput(Keys.of(ORG, PERSON), person(Map.of()));
        String enrollmentId = enroll();

        send(dispatch(enrollmentId, 0, 1));

        BlockedEvent blocked = (BlockedEvent) events.readValuesToList().get(0).getPayload();
        assertThat(blocked.getBlockReason()).isEqualTo(BlockReason.MISSING_VARIABLES.name());
        assertThat(blocked.getVariables()).containsExactly("attributes.title");
        EnrollmentRecord enrollment = enrollments.readValuesToList().get(0);
        assertThat(enrollment.getBlockReason()).isEqualTo("MISSING_VARIABLES");
        assertThat(enrollment.getBlockedVariables()).containsExactly("attributes.title");
        assertThat(sendRequests.isEmpty()).isTrue();

        people.pipeInput(Keys.of(ORG, PERSON), person(Map.of("title", "CTO")));
        send(dispatch(enrollmentId, 0, 2));

        assertThat(events.readValuesToList()).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("UnblockedEvent", "StepDispatchedEvent");
        assertThat(sendRequests.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getAttempt()).isEqualTo(2);
            assertThat(r.getRequestId()).isEqualTo(Ids.sendRequestId(enrollmentId, 0, 2));
        });
    }

    @Test
    void aTaskStepOpensItsTaskForTheAssigneeAndItsCompletionClosesIt() {
        String enrollmentId = enroll();
        send(dispatch(enrollmentId, 0, 1));
        send(new EnrollmentCommand.CompleteStep(meta("result:sent-0", "step-scheduler"), enrollmentId, 0));
        sendRequests.readValuesToList();

        send(dispatch(enrollmentId, 1, 1));

        String taskId = Ids.taskId(enrollmentId, 1);
        List<TestRecord<String, TaskRecord>> opened = tasks.readRecordsToList();
        assertThat(opened).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo(Keys.of(ORG, taskId));
            assertThat(t.value().getStatus()).isEqualTo("OPEN");
            assertThat(t.value().getAssigneeId()).isEqualTo("user-7"); // MAILBOX_OWNER by default
            assertThat(t.value().getBody()).isNull();
            assertThat(opened(t.value().getSealed())).containsEntry("body", "Call Ada Lovelace");
            assertThat(t.value().getStepIndex()).isEqualTo(1);
        });
        assertThat(sendRequests.isEmpty()).isTrue();
        assertThat(((StepDispatchedEvent) lastEvent().getPayload()).getStepType()).isEqualTo("TASK");

        send(new EnrollmentCommand.CompleteStep(meta("task-done", "org-1:user-7"), enrollmentId, 1));

        TaskRecord completed = tasks.readValuesToList().get(0);
        assertThat(completed.getStatus()).isEqualTo("COMPLETED");
        assertThat(completed.getCompletedBy()).isEqualTo("org-1:user-7");
        assertThat(completed.getCompletedAt()).isEqualTo(now);
        assertThat(completed.getCreatedAt()).isEqualTo(opened.get(0).value().getCreatedAt());
        EnrollmentRecord enrollment = lastEnrollment();
        assertThat(enrollment.getDispatchedStepIndex()).isNull();
        assertThat(enrollment.getLastStepAt()).isEqualTo(now);
        assertThat(enrollment.getNextStepIndex()).isEqualTo(2);
    }

    @Test
    void anEnrollmentThatEndsWithAnOpenTaskCancelsIt() {
        String enrollmentId = enroll();
        send(dispatch(enrollmentId, 0, 1));
        send(new EnrollmentCommand.CompleteStep(meta("result:sent-0", "step-scheduler"), enrollmentId, 0));
        send(dispatch(enrollmentId, 1, 1));
        tasks.readValuesToList();

        send(new EnrollmentCommand.Unenroll(meta("unenroll", "org-1:admin"), enrollmentId));

        assertThat(tasks.readValuesToList()).singleElement().satisfies(t -> {
            assertThat(t.getStatus()).isEqualTo("CANCELED");
            assertThat(t.getCompletedBy()).isNull();
        });
    }

    @Test
    void theEnrollmentsOwnSequenceVersionIsWhatGoesOut() {
        String enrollmentId = enroll();  // on version 1
        sequenceVersions.pipeInput(GlobalTable.versionKey(ORG, SEQ, 1), sequence(1, List.of(email("Old {{first_name}}", "v1"))));
        sequences.pipeInput(Keys.of(ORG, SEQ), sequence(2, List.of(email("New {{first_name}}", "v2"))));

        send(dispatch(enrollmentId, 0, 1));

        SendRequestRecord request = sendRequests.readValuesToList().get(0);
        assertThat(opened(request.getSealed())).containsEntry("subject", "Old Ada");
        assertThat(request.getSequenceVersion()).isEqualTo(1);
    }

    @Test
    void theEnrolledEventAndEnrollmentCarryTheVersionAndAssignee() {
        sequences.pipeInput(Keys.of(ORG, SEQ), sequence(3, List.of(email("Hi", "Hello"))));

        send(new EnrollmentCommand.Enroll(meta("enroll-v3", "org-1:enroller"), SEQ, List.of(MAILBOX_EMAIL)));

        EnrolledEvent enrolled = (EnrolledEvent) lastEvent().getPayload();
        assertThat(enrolled.getSequenceVersion()).isEqualTo(3);
        assertThat(enrolled.getTaskAssigneeId()).isEqualTo("user-7");
        EnrollmentRecord enrollment = lastEnrollment();
        assertThat(enrollment.getSequenceVersion()).isEqualTo(3);
        assertThat(enrollment.getTaskAssigneeId()).isEqualTo("user-7");
    }

    @Test
    void outOfOfficePausesAreCountedInSchedulerDays() {
        start(TopologySettings.defaults().withTimeScale(TimeScale.parse("PT20S")));
        String enrollmentId = enroll();

        send(new EnrollmentCommand.RecordReply(meta("result:ooo", "step-scheduler"), enrollmentId, "ooo-1", "Away",
                ReplyClassification.AUTOMATED, now, null, false));

        EnrollmentRecord paused = lastEnrollment();
        assertThat(paused.getPauseReason()).isEqualTo("OUT_OF_OFFICE");
        assertThat(paused.getResumeAt()).isEqualTo(now.plus(Duration.ofSeconds(14 * 20)));
    }

    // ---------------------------------------------------------------------------------------------

    private String enroll() {
        String commandId = "enroll-" + (++commandCount);
        send(new EnrollmentCommand.Enroll(meta(commandId, "org-1:enroller"), SEQ, List.of(MAILBOX_EMAIL)));
        String id = Ids.enrollmentId(ORG, commandId);
        assertThat(lastEnrollment().getId()).isEqualTo(id);
        events.readValuesToList();
        enrollments.readValuesToList();
        replies.readValuesToList();
        return id;
    }

    private EnrollmentCommand.DispatchStep dispatch(String enrollmentId, int step, int attempt) {
        return new EnrollmentCommand.DispatchStep(
                meta("dispatch:" + enrollmentId + ":" + step + ":" + attempt, "step-scheduler"), enrollmentId, step, attempt);
    }

    /** A new command's meta, a second after the previous one: the decider decides it at this time. */
    private CommandMeta meta(String commandId, String actor) {
        now = now.plusSeconds(1);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        return new CommandMeta(commandId, ORG, PERSON, now, actor, null);
    }

    private void send(EnrollmentCommand command) {
        commands.pipeInput(Keys.of(ORG, PERSON), CommandMapper.toAvro(command), now);
    }

    private EventEnvelope lastEvent() {
        List<EventEnvelope> all = events.readValuesToList();
        return all.get(all.size() - 1);
    }

    private EnrollmentRecord lastEnrollment() {
        List<EnrollmentRecord> all = enrollments.readValuesToList();
        return all.get(all.size() - 1);
    }

    private static SequenceRecord sequence(int version, List<StepRecord> steps) {
        return SequenceRecord.newBuilder().setOrgId(ORG).setId(SEQ).setName("Sequence").setIsPublished(true)
                .setIsPaused(false).setSteps(steps).setVersion(version)
                .setSchedule((SendScheduleRecord) null).build();
    }

    private static StepRecord email(String subject, String body) {
        return StepRecord.newBuilder().setType("EMAIL").setWaitDays(0).setSubject(subject).setBody(body).build();
    }

    private static StepRecord task(String body) {
        return StepRecord.newBuilder().setType("TASK").setWaitDays(1).setSubject(null).setBody(body).build();
    }

    private static PersonRecord person(Map<String, String> attributes) {
        return PersonRecord.newBuilder().setOrgId(ORG).setId(PERSON).setEmail("ada@customer.example")
                .setFirstName("Ada").setLastName("Lovelace").setCompanyDomain("customer.example")
                .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false).setAttributes(attributes)
                .build();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** A sealed value opened with the person's key as the decider published it on people.keys.v1. */
    private Map<String, String> opened(org.seqengine.schemas.avro.SealedValueRecord sealed) {
        keys.readKeyValuesToMap().forEach((k, v) -> { if (v != null) personKeys.put(k, v); });
        return org.seqengine.schemas.personal.PersonalSeal.open(personKeys.get(Keys.of(ORG, PERSON)), sealed).orElseThrow();
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
