package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ClearCrmOptOutCommand;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.OptOutClearedEvent;
import org.seqengine.schemas.avro.PersonRecord;

/** The rule-book fixes of issue 6 through HTTP on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class DomainRulesApiTest {

    /** An organization of its own: its default ruleset must not change what other tests see. */
    private static final String ORG_C_KEY = "key-c-789";

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    private static String mailbox(String apiKey) {
        String email = "m-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(apiKey, email);
        return email;
    }

    private static String enroll(String apiKey, String sequence, String person, String mailbox) {
        return as(apiKey).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");
    }

    /** What the step-scheduler sends when a step ran; returns once the enrollment shows it. */
    private static void completeStep(String apiKey, String orgId, String person, String enrollmentId, int step) {
        TopicClient.send(new EnrollmentCommand.CompleteStep(meta(orgId, person), enrollmentId, step));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(apiKey).get("/enrollments/" + enrollmentId)
                .then().body("steps_completed", equalTo(step + 1)));
    }

    private static CommandMeta meta(String orgId, String person) {
        return new CommandMeta(TestData.id(), orgId, person, Instant.now(), "test", null);
    }

    private static void putPerson(String apiKey, String person, boolean emailOptOut) {
        Map<String, Object> body = new HashMap<>(Map.of("email", "p-" + person.substring(0, 8) + "@example.com",
                "first_name", "Ada", "last_name", "Lovelace", "do_not_email", false, "email_opt_out", emailOptOut));
        as(apiKey).body(body).put("/people/" + person).then().statusCode(200);
    }

    @Test
    void aNoOpUnenrollRetriedAfterAnEnrollmentDoesNotUnenrollIt() {
        String person = TestData.person(ORG_A_KEY);
        String key = "unenroll-" + TestData.id();
        as(ORG_A_KEY).header("Idempotency-Key", key).post("/people/" + person + "/unenroll")
                .then().statusCode(200).body("unenrolled", empty());

        String id = enroll(ORG_A_KEY, TestData.sequence(ORG_A_KEY, null, 2), person, mailbox(ORG_A_KEY));

        as(ORG_A_KEY).header("Idempotency-Key", key).post("/people/" + person + "/unenroll")
                .then().statusCode(200).body("unenrolled", empty());
        as(ORG_A_KEY).get("/enrollments/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("finish_reason", nullValue());
    }

    @Test
    void aNoOpPauseRetriedAfterAResumeDoesNotPauseAgain() {
        String id = enroll(ORG_A_KEY, TestData.sequence(ORG_A_KEY, null, 2), TestData.person(ORG_A_KEY), mailbox(ORG_A_KEY));
        as(ORG_A_KEY).post("/enrollments/" + id + "/pause").then().statusCode(200).body("is_paused", equalTo(true));
        String key = "pause-" + TestData.id();
        as(ORG_A_KEY).header("Idempotency-Key", key).post("/enrollments/" + id + "/pause").then().statusCode(200);
        as(ORG_A_KEY).post("/enrollments/" + id + "/resume").then().statusCode(200).body("is_paused", equalTo(false));
        as(ORG_A_KEY).header("Idempotency-Key", key).post("/enrollments/" + id + "/pause")
                .then().statusCode(200).body("is_paused", equalTo(false));
    }

    @Test
    void startedAtIsNullWhileQueuedAndSetByTheFirstStep() {
        String person = TestData.person(ORG_A_KEY);
        String id = as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 2), person, mailbox(ORG_A_KEY)))
                .post("/enrollments").then().statusCode(201)
                .body("started_at", nullValue()).body("display_status", equalTo("QUEUED"))
                .extract().path("id");
        completeStep(ORG_A_KEY, "org-a", person, id, 0);
        as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("started_at", notNullValue()).body("display_status", equalTo("STARTED"));
    }

    @Test
    void aReplyAfterTheEnrollmentCompletedIsRecordedOnIt() {
        String person = TestData.person(ORG_A_KEY);
        String id = enroll(ORG_A_KEY, TestData.sequence(ORG_A_KEY, null, 1), person, mailbox(ORG_A_KEY));
        completeStep(ORG_A_KEY, "org-a", person, id, 0);
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("finish_reason", equalTo("SEQUENCE_COMPLETED"));

        String replyId = "reply-" + TestData.id();
        TopicClient.send(new EnrollmentCommand.RecordReply(meta("org-a", person), id, replyId, "Re: hello",
                ReplyClassification.POSITIVE, Instant.now(), null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("is_replied", equalTo(true))
                .body("reply_email_message.id", equalTo(replyId)));
        as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("status", equalTo("FINISHED"))
                .body("finish_reason", equalTo("SEQUENCE_COMPLETED"))
                .body("display_status", equalTo("COMPLETED"));
    }

    @Test
    void putRulesetsDefaultGovernsSequencesWithoutARuleset() {
        String mailbox = mailbox(ORG_C_KEY);
        String person = TestData.person(ORG_C_KEY);
        String first = enroll(ORG_C_KEY, TestData.sequence(ORG_C_KEY, null, 2), person, mailbox);
        completeStep(ORG_C_KEY, "org-c", person, first, 0);
        as(ORG_C_KEY).post("/enrollments/" + first + "/unenroll").then().statusCode(200);
        String second = TestData.sequence(ORG_C_KEY, null, 2);

        // built-in defaults: re-enrollment off
        as(ORG_C_KEY).body(enrollBody(second, person, mailbox)).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE"));

        as(ORG_C_KEY).body(Map.of("allow_reenrollment_into_sequences", true, "allow_reenrollment_into_same_sequence", true,
                "reenrollment_waiting_days", 0, "exclusion_rule_ids", List.of())).put("/rulesets/default")
                .then().statusCode(200);
        as(ORG_C_KEY).get("/rulesets/default").then().statusCode(200)
                .body("allow_reenrollment_into_sequences", equalTo(true));
        as(ORG_C_KEY).body(enrollBody(second, person, mailbox)).post("/enrollments").then().statusCode(201);
    }

    @Test
    void theCrmOptOutFlagSetByPutOptsOutAndClearingItClearsTheCrmOptOut() {
        String person = TestData.person(ORG_A_KEY);
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String mailbox = mailbox(ORG_A_KEY);
        String id = enroll(ORG_A_KEY, sequence, person, mailbox);

        putPerson(ORG_A_KEY, person, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("finish_reason", equalTo("OPTED_OUT")).body("is_opted_out", equalTo(true)));
        as(ORG_A_KEY).get("/people/" + person).then().body("opt_out_source", equalTo("CRM"));

        putPerson(ORG_A_KEY, person, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/people/" + person).then()
                .body("is_opted_out", equalTo(false)).body("opt_out_source", nullValue()));
        // the ended enrollment still says it ended by opt-out
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("is_opted_out", equalTo(true));
        enroll(ORG_A_KEY, sequence, person, mailbox);
    }

    @Test
    void theCrmOptOutFlagPublishedOnPeopleTopicOptsOut() {
        String person = TestData.person(ORG_A_KEY);
        String id = enroll(ORG_A_KEY, TestData.sequence(ORG_A_KEY, null, 2), person, mailbox(ORG_A_KEY));

        PersonRecord record = PersonRecord.newBuilder().setOrgId("org-a").setId(person)
                .setEmail("p-" + person.substring(0, 8) + "@example.com").setDoNotEmail(false).setEmailOptOut(true)
                .setAttributes(Map.of()).build();
        TopicClient.publish(Topics.PEOPLE, Keys.of("org-a", person), record);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + id).then()
                .body("finish_reason", equalTo("OPTED_OUT")).body("is_opted_out", equalTo(true)));
        as(ORG_A_KEY).get("/people/" + person).then().body("opt_out_source", equalTo("CRM"));
    }

    @Test
    void anOptOutMadeHereSurvivesTheCrmFlagGoingFalse() {
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).body(Map.of("source", "ADMIN")).post("/people/" + person + "/opt-out").then().statusCode(200);
        putPerson(ORG_A_KEY, person, true);
        putPerson(ORG_A_KEY, person, false);

        // once the CRM flag's clear command is on the commands topic, a later command of the same
        // person is decided after it
        TopicClient.awaitRecord(Topics.COMMANDS,
                c -> c.getPersonId().equals(person) && c.getPayload() instanceof ClearCrmOptOutCommand);
        as(ORG_A_KEY).post("/people/" + person + "/unenroll").then().statusCode(200);

        as(ORG_A_KEY).get("/people/" + person).then()
                .body("is_opted_out", equalTo(true)).body("opt_out_source", equalTo("ADMIN"));
    }

    @Test
    void theActorWhoClearedAnOptOutIsRecordedOnTheEvent() {
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).post("/people/" + person + "/opt-out").then().statusCode(200);
        as(ORG_A_KEY).header("X-Actor", "user-42").body(Map.of("permission_note", "asked by phone to hear from us"))
                .delete("/people/" + person + "/opt-out").then().statusCode(200);

        EventEnvelope cleared = TopicClient.awaitRecord(Topics.EVENTS,
                e -> e.getPersonId().equals(person) && e.getPayload() instanceof OptOutClearedEvent);
        assertThat(cleared.getActor()).isEqualTo("org-a:user-42");
        assertThat(((OptOutClearedEvent) cleared.getPayload()).getPermissionNote()).isEqualTo("asked by phone to hear from us");
    }

    @Test
    void pausingASequenceAndUpsertingItNeverOverwriteEachOther() {
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        as(ORG_A_KEY).post("/sequences/" + sequence + "/pause").then().statusCode(200).body("is_paused", equalTo(true));

        // an upsert built from a read before the pause (is_paused false) changes the steps, not the pause
        Map<String, Object> edit = Map.of("name", "Renamed", "is_published", true, "is_paused", false,
                "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "subject", "Only step", "body", "Hi")));
        as(ORG_A_KEY).body(edit).put("/sequences/" + sequence).then().statusCode(200).body("is_paused", equalTo(true));
        as(ORG_A_KEY).get("/sequences/" + sequence).then()
                .body("name", equalTo("Renamed")).body("steps.size()", equalTo(1)).body("is_paused", equalTo(true));

        // and resuming keeps the upsert
        as(ORG_A_KEY).post("/sequences/" + sequence + "/resume").then().statusCode(200)
                .body("is_paused", equalTo(false)).body("name", equalTo("Renamed")).body("steps.size()", equalTo(1));
    }

    @Test
    void theEnrollmentShowsTheActorOfItsLastChange() {
        String id = as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 2), TestData.person(ORG_A_KEY),
                mailbox(ORG_A_KEY))).post("/enrollments").then().statusCode(201)
                .body("updated_by", equalTo("org-a")).extract().path("id");
        as(ORG_A_KEY).header("X-Actor", "user-7@acme.test").post("/enrollments/" + id + "/pause")
                .then().statusCode(200).body("updated_by", equalTo("org-a:user-7@acme.test"));
    }

    @Test
    void aBadXActorIsA400NamingTheHeader() {
        as(ORG_A_KEY).header("X-Actor", "not allowed <script>").post("/people/" + TestData.id() + "/opt-out")
                .then().statusCode(400).body("errors[0].path[0]", equalTo("X-Actor"));
    }
}
