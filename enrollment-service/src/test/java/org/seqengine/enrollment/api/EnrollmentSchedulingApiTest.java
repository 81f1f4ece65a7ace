package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.RecordReplyCommand;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.schemas.avro.UpgradeEnrollmentCommand;

/**
 * The Enrollment body's sending fields, manual replies and the upgrade job, through the real broker
 * (step-scheduler's schedule status and its commands are published as it would).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class EnrollmentSchedulingApiTest {

    private String mailbox;
    private String sequence;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        mailbox = "sched-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        sequence = TestData.sequence(ORG_A_KEY, null, 2);
    }

    @Test
    void theBodyShowsWhenThePendingStepIsDueAndWhatItWaitsFor() {
        String person = TestData.person(ORG_A_KEY);
        String id = enroll(person);
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("display_status", equalTo("QUEUED"))
                .body("current_step_index", equalTo(0)).body("version", equalTo(1)).body("started_at", nullValue())
                .body("next_step_due_at", nullValue()).body("waiting_for", nullValue())
                .body("blocked_variables", equalTo(List.of())).body("task_assignee_id", equalTo("user-1"));

        Instant due = Instant.parse("2026-03-02T14:00:00Z");
        publishStatus(id, 0, due, "WINDOW");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("next_step_due_at", equalTo(due.toString())).body("waiting_for", equalTo("WINDOW")));
        as(ORG_A_KEY).queryParam("person_id", person).get("/enrollments").then()
                .body("data[0].waiting_for", equalTo("WINDOW"));

        // the first step completes: Started; the scheduler's status of step 0 no longer describes the pending step
        TopicClient.send(new EnrollmentCommand.CompleteStep(meta(person, "complete"), id, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("display_status", equalTo("STARTED")).body("current_step_index", equalTo(1))
                .body("started_at", notNullValue()).body("next_step_due_at", nullValue()).body("waiting_for", nullValue()));

        publishStatus(id, 1, due.plus(2, ChronoUnit.DAYS), "MAILBOX_CAPACITY");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("waiting_for", equalTo("MAILBOX_CAPACITY")));
        TopicClient.publish(Topics.SCHEDULE_STATUS, Keys.of("org-a", id), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("next_step_due_at", nullValue()).body("waiting_for", nullValue()));
    }

    @Test
    void aReplySeenElsewhereIsRecordedAsARecordReplyCommand() {
        String person = TestData.person(ORG_A_KEY);
        String id = enroll(person);
        Instant received = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        as(ORG_A_KEY).header("Idempotency-Key", "reply-" + id)
                .body(Map.of("classification", "POSITIVE", "received_at", received.toString(), "subject", "Re: Step 1"))
                .post("/enrollments/" + id + "/replies").then().statusCode(200)
                .body("display_status", equalTo("COMPLETED")).body("is_replied", equalTo(true))
                .body("finish_reason", equalTo("REPLIED"))
                .body("reply_email_message.subject", equalTo("Re: Step 1"))
                .body("reply_email_message.classifications[0].category", equalTo("POSITIVE"));
        EnrollmentCommand.RecordReply reply = recordReplyOf(id);
        assertThat(reply.classification()).isEqualTo(ReplyClassification.POSITIVE);
        assertThat(reply.receivedAt()).isEqualTo(received);
        assertThat(reply.replyId()).isEqualTo(reply.meta().commandId());
        assertThat(reply.optOutRequested()).isFalse();
        assertThat(reply.meta().personId()).isEqualTo(person);

        // out of office with a return date: paused, not finished
        String away = enroll(TestData.person(ORG_A_KEY));
        as(ORG_A_KEY).body(Map.of("classification", "AUTOMATED", "received_at", received.toString(),
                        "return_date", LocalDate.now().plusDays(3).toString()))
                .post("/enrollments/" + away + "/replies").then().statusCode(200)
                .body("display_status", equalTo("PAUSED")).body("pause_reason", equalTo("OUT_OF_OFFICE"))
                .body("resume_at", notNullValue());

        // a removal request opts the person out (auto_opt_out_on_removal_request is on by default)
        String removal = enroll(TestData.person(ORG_A_KEY));
        as(ORG_A_KEY).body(Map.of("classification", "NEGATIVE", "received_at", received.toString(), "opt_out_requested", true))
                .post("/enrollments/" + removal + "/replies").then().statusCode(200).body("is_opted_out", equalTo(true));
        EnrollmentCommand.RecordReply removalReply = recordReplyOf(removal);
        assertThat(removalReply.optOutRequested()).isTrue();
        as(ORG_B_KEY).body(Map.of("classification", "POSITIVE", "received_at", received.toString()))
                .post("/enrollments/" + id + "/replies").then().statusCode(404);
    }

    @Test
    void aBadReplyIsRefusedNamingTheField() {
        String id = enroll(TestData.person(ORG_A_KEY));
        as(ORG_A_KEY).body(Map.of("classification", "ANGRY", "received_at", Instant.now().toString()))
                .post("/enrollments/" + id + "/replies").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_enum")).body("errors[0].path", equalTo(List.of("classification")));
        as(ORG_A_KEY).body(Map.of("classification", "POSITIVE")).post("/enrollments/" + id + "/replies").then().statusCode(400)
                .body("errors[0].code", equalTo("required")).body("errors[0].path", equalTo(List.of("received_at")));
        as(ORG_A_KEY).body(Map.of("classification", "POSITIVE", "received_at", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/enrollments/" + id + "/replies").then().statusCode(400)
                .body("errors[0].code", equalTo("out_of_range")).body("errors[0].path", equalTo(List.of("received_at")));
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("display_status", equalTo("QUEUED"));
    }

    @Test
    void theUpgradeJobMovesActiveEnrollmentsOnOlderVersionsToTheLatest() {
        String queued = enroll(TestData.person(ORG_A_KEY));
        String startedPerson = TestData.person(ORG_A_KEY);
        String started = enroll(startedPerson);
        TopicClient.send(new EnrollmentCommand.CompleteStep(meta(startedPerson, "complete"), started, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/enrollments/" + started).then().body("display_status", equalTo("STARTED")));

        Map<String, Object> v2 = new HashMap<>(Map.of("name", "Three steps", "is_published", true, "steps", List.of(
                step("One"), step("Two"), step("Three"))));
        as(ORG_A_KEY).body(v2).put("/sequences/" + sequence).then().statusCode(200).body("version", equalTo(2));
        String current = enroll(TestData.person(ORG_A_KEY));
        as(ORG_A_KEY).get("/enrollments/" + current).then().body("version", equalTo(2));
        as(ORG_A_KEY).get("/enrollments/" + queued).then().body("version", equalTo(1));

        String job = as(ORG_A_KEY).post("/sequences/" + sequence + "/upgrade-enrollments").then().statusCode(202)
                .body("kind", equalTo("UPGRADE")).body("to_version", equalTo(2)).body("sequence_id", equalTo(sequence))
                .body("total", equalTo(3)).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/upgrade-jobs/" + job).then().statusCode(200).body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/upgrade-jobs/" + job).then().body("upgraded", equalTo(2)).body("skipped", equalTo(1))
                .body("skipped_by_reason", equalTo(Map.of("ALREADY_AT_VERSION", 1))).body("failed", equalTo(0));
        as(ORG_A_KEY).get("/enrollments/" + queued).then().body("version", equalTo(2)).body("display_status", equalTo("QUEUED"))
                .body("current_step_index", equalTo(0));
        as(ORG_A_KEY).get("/enrollments/" + started).then().body("version", equalTo(2)).body("display_status", equalTo("STARTED"))
                .body("current_step_index", equalTo(1));

        UpgradeEnrollmentCommand command = (UpgradeEnrollmentCommand) TopicClient.awaitRecord(Topics.COMMANDS,
                env -> env.getPayload() instanceof UpgradeEnrollmentCommand u && u.getEnrollmentId().equals(queued)).getPayload();
        assertThat(command.getToVersion()).isEqualTo(2);
        assertThat(command.getJobId()).isEqualTo(job);
        as(ORG_A_KEY).get("/reassign-jobs/" + job).then().statusCode(404);
        as(ORG_B_KEY).get("/upgrade-jobs/" + job).then().statusCode(404);
        as(ORG_B_KEY).post("/sequences/" + sequence + "/upgrade-enrollments").then().statusCode(404);
    }

    /** The RecordReply command the API sent for this enrollment, as the decider reads it. */
    private static EnrollmentCommand.RecordReply recordReplyOf(String enrollmentId) {
        return (EnrollmentCommand.RecordReply) CommandMapper.toDomain(TopicClient.awaitRecord(Topics.COMMANDS,
                env -> env.getPayload() instanceof RecordReplyCommand r && r.getEnrollmentId().equals(enrollmentId)));
    }

    private String enroll(String person) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }

    private static CommandMeta meta(String person, String what) {
        return new CommandMeta(what + "-" + TestData.id(), "org-a", person, Instant.now(), "test", null);
    }

    private static void publishStatus(String enrollment, int step, Instant due, String waitingFor) {
        TopicClient.publish(Topics.SCHEDULE_STATUS, Keys.of("org-a", enrollment), ScheduleStatusRecord.newBuilder()
                .setOrgId("org-a").setEnrollmentId(enrollment).setStepIndex(step).setNextStepDueAt(due)
                .setWaitingFor(waitingFor).setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build());
    }

    private static Map<String, Object> step(String subject) {
        return Map.of("type", "EMAIL", "wait_days", 0, "subject", subject, "body", "Hello");
    }
}
