package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.testsupport.CrmStubResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.RecordReplyCommand;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.schemas.personal.PersonalSeal;

/**
 * Personal data through the real broker: erasing a person (a job; the decider ends their active
 * enrollments with PERSON_ERASED, keeps them without personal values, removes the person and
 * suppresses their email), sealed values opened on read with the person's key and unreadable once
 * it is gone, and the export of everything held of one person and of no one else.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CrmStubResource.class, restrictToAnnotatedClass = false)
class PersonalDataApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private String mailboxEmail;
    private String sequence;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        mailboxEmail = "pd-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailboxEmail);
        sequence = TestData.sequence(ORG_A_KEY, null, 2);
    }

    @Test
    void eraseEndsTheActiveEnrollmentWithPersonErasedAndTheJobCompletes() {
        String person = TestData.person(ORG_A_KEY);
        String enrollment = enroll(person);

        String job = as(ORG_A_KEY).delete("/people/" + person + "?mode=erase").then().statusCode(202)
                .body("kind", equalTo("ERASE")).body("person_id", equalTo(person)).body("total", equalTo(1))
                .body("state", in(List.of("RUNNING", "COMPLETED"))).body("created_at", notNullValue())
                .extract().path("id");
        awaitCompleted(job);
        as(ORG_A_KEY).get("/erase-jobs/" + job).then().statusCode(200).body("processed", equalTo(1))
                .body("erased", equalTo(1)).body("failed", equalTo(0)).body("finished_at", notNullValue());

        as(ORG_A_KEY).get("/enrollments/" + enrollment).then().statusCode(200).body("status", equalTo("FINISHED"))
                .body("finish_reason", equalTo("PERSON_ERASED")).body("person_erased", equalTo(true))
                .body("display_status", equalTo("CANCELED"));
        as(ORG_A_KEY).queryParam("person_id", person).get("/enrollments").then().statusCode(200)
                .body("data.id", equalTo(List.of(enrollment))).body("data[0].person_erased", equalTo(true))
                .body("data[0].status", equalTo("FINISHED"));
        // another organization does not see the job, nor is it another kind's job
        as(ORG_B_KEY).get("/erase-jobs/" + job).then().statusCode(404);
        as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().statusCode(404);
    }

    /** Needs the decider's erase adapter: it tombstones the person record in the erase's transaction. */
    @Test
    void anErasedPersonIsGoneAndTheirEnrollmentKeepsNoPersonalValue() {
        String person = TestData.person(ORG_A_KEY);
        String enrollment = enroll(person);
        as(ORG_A_KEY).get("/enrollments/" + enrollment).then().body("person.email", notNullValue());

        awaitCompleted(erase(person, null));

        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).get("/people/" + person).then().statusCode(404));
        as(ORG_A_KEY).get("/enrollments/" + enrollment).then().statusCode(200).body("person.id", equalTo(person))
                .body("person.email", nullValue()).body("person.first_name", nullValue())
                .body("person.linkedin_url", nullValue()).body("person_erased", equalTo(true))
                .body("status", equalTo("FINISHED")).body("finish_reason", equalTo("PERSON_ERASED"));
    }

    /** Needs the decider's erase adapter: it writes the suppression of the person's email. */
    @Test
    void theEmailOfAnErasedPersonIsSuppressedWhoeverHasItAgain() {
        String email = "erased-" + TestData.id().substring(0, 8) + "@example.com";
        String person = TestData.person(ORG_A_KEY, Map.of("email", email));
        enroll(person);
        awaitCompleted(erase(person, null));

        // the same person re-created with the same email
        putPerson(person, email);
        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).queryParam("sequence_id", sequence)
                .get("/people/" + person + "/eligibility").then().statusCode(200).body("reasons.code", hasItem("SUPPRESSED")));
        as(ORG_A_KEY).body(enrollBody(sequence, person, mailboxEmail)).post("/enrollments").then().statusCode(400)
                .body("errors[0].code", equalTo("SUPPRESSED"));

        // a new person with that email (another case: the suppression is of the normalized address)
        String again = TestData.id();
        putPerson(again, email.toUpperCase());
        as(ORG_A_KEY).body(enrollBody(sequence, again, mailboxEmail)).post("/enrollments").then().statusCode(400)
                .body("errors[0].code", equalTo("SUPPRESSED"));

        // another email enrolls as ever
        String other = TestData.id();
        putPerson(other, "other-" + TestData.id().substring(0, 8) + "@example.com");
        as(ORG_A_KEY).body(enrollBody(sequence, other, mailboxEmail)).post("/enrollments").then().statusCode(201);
    }

    @Test
    void erasingAnUnknownPersonIsAJobTooAndAnIdempotencyKeyAnswersTheSameJob() {
        String unknown = TestData.id();
        String key = "erase-" + TestData.id();
        String job = erase(unknown, key);
        awaitCompleted(job);
        as(ORG_A_KEY).get("/erase-jobs/" + job).then().body("person_id", equalTo(unknown)).body("failed", equalTo(0));

        // a retry with the key answers the same job; the key for another person is another job
        as(ORG_A_KEY).header("Idempotency-Key", key).delete("/people/" + unknown + "?mode=erase").then().statusCode(202)
                .body("id", equalTo(job)).body("state", equalTo("COMPLETED"));
        String other = TestData.id();
        as(ORG_A_KEY).header("Idempotency-Key", key).delete("/people/" + other + "?mode=erase").then().statusCode(202)
                .body("id", not(equalTo(job))).body("person_id", equalTo(other));
    }

    @Test
    void modeIsRequiredAndMustBeEraseAndTheIdAUuid() {
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).delete("/people/" + person).then().statusCode(400)
                .body("errors[0].code", equalTo("required")).body("errors[0].path", equalTo(List.of("mode")));
        as(ORG_A_KEY).delete("/people/" + person + "?mode=soft").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_enum")).body("errors[0].path", equalTo(List.of("mode")));
        as(ORG_A_KEY).delete("/people/" + person + "?mode=ERASE").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_enum"));
        as(ORG_A_KEY).delete("/people/not-a-uuid?mode=erase").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_uuid")).body("errors[0].path", equalTo(List.of("id")));
        as(ORG_A_KEY).get("/erase-jobs/not-a-uuid").then().statusCode(404);
        // nothing was erased
        as(ORG_A_KEY).get("/people/" + person).then().statusCode(200);
    }

    /**
     * A reply's subject travels sealed with the person's key and reads opened; a task's body too.
     * Once the key is gone (what an erase does) both read as null. The key and the task are written
     * here as the decider would write them.
     */
    @Test
    void sealedValuesOpenWithThePersonsKeyAndNotOnceItIsGone() {
        String person = TestData.person(ORG_A_KEY);
        String enrollment = enroll(person);
        PersonKeyRecord key = PersonalSeal.newKey("org-a", person, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        TopicClient.publish(Topics.PEOPLE_KEYS, Keys.of("org-a", person), key);
        String taskId = TestData.id();
        TopicClient.publish(Topics.TASKS, Keys.of("org-a", taskId), TaskRecord.newBuilder().setTaskId(taskId)
                .setOrgId("org-a").setPersonId(person).setEnrollmentId(enrollment).setSequenceId(sequence).setStepIndex(0)
                .setAssigneeId("sealed-" + taskId.substring(0, 8)).setBody(null).setStatus("CANCELED")
                .setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSealed(PersonalSeal.seal(key, "body", "Call Ada about the pilot")).build());
        // the task opens once this instance holds the key
        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).get("/tasks/" + taskId).then().statusCode(200)
                .body("body", equalTo("Call Ada about the pilot")));

        as(ORG_A_KEY).body(Map.of("classification", "POSITIVE", "received_at", Instant.now().toString(),
                "subject", "Re: our pilot, Ada")).post("/enrollments/" + enrollment + "/replies").then().statusCode(200)
                .body("reply_email_message.subject", equalTo("Re: our pilot, Ada"));
        CommandEnvelope command = TopicClient.awaitRecord(Topics.COMMANDS,
                c -> c.getPayload() instanceof RecordReplyCommand r && r.getEnrollmentId().equals(enrollment));
        RecordReplyCommand reply = (RecordReplyCommand) command.getPayload();
        assertThat(reply.getSubject()).as("no subject in clear on the command log").isNull();
        assertThat(PersonalSeal.openField(key, reply.getSealedSubject(), "subject")).isEqualTo("Re: our pilot, Ada");
        as(ORG_A_KEY).get("/enrollments/" + enrollment).then().body("reply_email_message.subject", equalTo("Re: our pilot, Ada"));

        TopicClient.publish(Topics.PEOPLE_KEYS, Keys.of("org-a", person), null); // shredded
        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + enrollment).then()
                .body("reply_email_message.id", notNullValue()).body("reply_email_message.subject", nullValue()));
        as(ORG_A_KEY).get("/tasks/" + taskId).then().statusCode(200).body("body", nullValue());
    }

    @Test
    void theExportHoldsEverythingOfThePersonAndNothingOfAnother() {
        String emailA = "export-a-" + TestData.id().substring(0, 8) + "@example.com";
        String emailB = "export-b-" + TestData.id().substring(0, 8) + "@example.com";
        String a = TestData.person(ORG_A_KEY, Map.of("email", emailA));
        String b = TestData.person(ORG_A_KEY, Map.of("email", emailB));
        String enrollmentA = enroll(a);
        String enrollmentB = enroll(b);
        dispatchFirstStep(a, enrollmentA);
        dispatchFirstStep(b, enrollmentB);
        TopicClient.awaitRecord(Topics.SEND_REQUESTS, r -> r.getEnrollmentId().equals(enrollmentA));
        TopicClient.awaitRecord(Topics.SEND_REQUESTS, r -> r.getEnrollmentId().equals(enrollmentB));
        as(ORG_A_KEY).body(Map.of("classification", "POSITIVE", "received_at", Instant.now().toString(),
                "subject", "Re: hello from A")).post("/enrollments/" + enrollmentA + "/replies").then().statusCode(200);
        as(ORG_A_KEY).body(Map.of("classification", "NEGATIVE", "received_at", Instant.now().toString(),
                "subject", "Re: hello from B")).post("/enrollments/" + enrollmentB + "/replies").then().statusCode(200);
        CrmStubResource.answer(ORG_A_KEY, a, "{\"person_id\":\"" + a + "\",\"records\":[{\"crm\":\"salesforce\","
                + "\"object_id\":\"003A1\",\"fields\":{\"lifecycle_stage\":\"customer\"}}]}");

        String body = as(ORG_A_KEY).get("/people/" + a + "/export").then().statusCode(200).extract().asString();
        JsonPath export = JsonPath.from(body);
        assertThat(export.getString("person_id")).isEqualTo(a);
        assertThat(export.getString("person.email")).isEqualTo(emailA);
        assertThat(export.getBoolean("opt_out.is_opted_out")).isFalse();
        assertThat(export.getString("crm[0].fields.lifecycle_stage")).isEqualTo("customer");
        assertThat(CrmStubResource.keySeen(a)).as("asked with the caller's key").isEqualTo(ORG_A_KEY);
        assertThat(export.getList("enrollments.id")).containsExactly(enrollmentA);
        assertThat(export.getString("enrollments[0].reply_email_message.subject")).isEqualTo("Re: hello from A");

        // every event of A's on the log, and only those
        Set<String> logged = TopicClient.readToEnd(Topics.EVENTS).stream()
                .filter(r -> Keys.of("org-a", a).equals(r.key()) && r.value() != null)
                .map(r -> r.value().getEventId()).collect(Collectors.toSet());
        assertThat(logged).isNotEmpty();
        assertThat(export.getList("events.event_id", String.class)).containsExactlyInAnyOrderElementsOf(logged);
        assertThat(export.getList("events.person_id", String.class)).containsOnly(a);
        assertThat(export.getList("events.payload.type", String.class))
                .contains("EnrolledEvent", "StepDispatchedEvent", "RepliedEvent");
        assertThat(export.getList("events.findAll { it.payload.type == 'RepliedEvent' }.payload.reply.subject", String.class))
                .containsExactly("Re: hello from A");
        assertThat(export.getList("send_requests.enrollment_id", String.class)).containsOnly(enrollmentA).isNotEmpty();
        assertThat(export.getList("send_requests.to_email", String.class)).containsOnly(emailA);
        assertThat(export.getList("send_requests.subject", String.class)).containsOnly("Step 1");

        for (String ofB : List.of(b, emailB, enrollmentB, "Re: hello from B")) {
            assertThat(body).as("nothing of B in A's export").doesNotContain(ofB);
        }

        // B's export is B's; exclusion-evaluator holds nothing of B (404): an empty list
        as(ORG_A_KEY).get("/people/" + b + "/export").then().statusCode(200).body("person.email", equalTo(emailB))
                .body("crm", equalTo(List.of())).body("enrollments.id", equalTo(List.of(enrollmentB)));
        // another organization holds nothing of A; nobody holds anything of an unknown person
        as(ORG_B_KEY).get("/people/" + a + "/export").then().statusCode(404);
        as(ORG_A_KEY).get("/people/" + TestData.id() + "/export").then().statusCode(404);
        as(ORG_A_KEY).get("/people/not-a-uuid/export").then().statusCode(400).body("errors[0].code", equalTo("invalid_uuid"));
    }

    /** Needs the decider's erase adapter (the person record and key are removed by the erase). */
    @Test
    void theExportOfAnErasedPersonHoldsTheirHistoryWithoutPersonalValues() {
        String email = "export-erased-" + TestData.id().substring(0, 8) + "@example.com";
        String person = TestData.person(ORG_A_KEY, Map.of("email", email));
        String enrollment = enroll(person);
        dispatchFirstStep(person, enrollment);
        TopicClient.awaitRecord(Topics.SEND_REQUESTS, r -> r.getEnrollmentId().equals(enrollment));
        awaitCompleted(erase(person, null));
        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).get("/people/" + person).then().statusCode(404));

        String body = as(ORG_A_KEY).get("/people/" + person + "/export").then().statusCode(200)
                .body("person", nullValue()).body("erased_at", notNullValue())
                .body("enrollments[0].person_erased", equalTo(true))
                .body("events.payload.type", hasItem("PersonErasedEvent")).extract().asString();
        assertThat(body).as("the email is nowhere: the record is gone, the send request's seal cannot be opened")
                .doesNotContain(email);
    }

    private String enroll(String person) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, mailboxEmail)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }

    private static String erase(String person, String idempotencyKey) {
        var request = as(ORG_A_KEY);
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return request.delete("/people/" + person + "?mode=erase").then().statusCode(202).extract().path("id");
    }

    private static void awaitCompleted(String job) {
        await().atMost(PATIENCE).untilAsserted(() ->
                as(ORG_A_KEY).get("/erase-jobs/" + job).then().statusCode(200).body("state", equalTo("COMPLETED")));
    }

    private static void putPerson(String id, String email) {
        as(ORG_A_KEY).body(Map.of("email", email, "first_name", "Grace", "last_name", "Hopper",
                "company_domain", "example.com", "do_not_email", false, "email_opt_out", false))
                .put("/people/" + id).then().statusCode(200);
    }

    /** What step-scheduler sends when the first step is due. */
    private static void dispatchFirstStep(String person, String enrollment) {
        TopicClient.send(new EnrollmentCommand.DispatchStep(new CommandMeta("dispatch:" + enrollment + ":0:1", "org-a", person,
                Instant.now(), "step-scheduler", null), enrollment, 0, 1));
    }
}
