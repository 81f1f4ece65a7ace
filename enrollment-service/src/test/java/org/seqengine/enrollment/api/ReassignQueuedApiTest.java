package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;

/** POST /sequences/{id}/reassign-queued through the real broker: queued ones move, started ones are skipped. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ReassignQueuedApiTest {

    private String from;
    private String toA;
    private String toB;
    private String sequence;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        String tag = TestData.id().substring(0, 8);
        from = "from-" + tag + "@acme.test";
        toA = "to-a-" + tag + "@acme.test";
        toB = "to-b-" + tag + "@acme.test";
        for (String email : List.of(from, toA, toB)) TestData.mailbox(ORG_A_KEY, email);
        sequence = TestData.sequence(ORG_A_KEY, null, 3);
    }

    @Test
    void queuedEnrollmentsMoveToTheLeastLoadedMailboxesAndStartedOnesAreSkipped() {
        String queued1 = enroll(TestData.person(ORG_A_KEY));
        String queued2 = enroll(TestData.person(ORG_A_KEY));
        String startedPerson = TestData.person(ORG_A_KEY);
        String started = enroll(startedPerson);
        TopicClient.send(new EnrollmentCommand.CompleteStep(
                new CommandMeta("test-" + TestData.id(), "org-a", startedPerson, Instant.now(), "test", null), started, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/enrollments/" + started).then().body("display_status", equalTo("STARTED")));

        String job = as(ORG_A_KEY).body(Map.of("mailbox_emails", List.of(toA, toB)))
                .post("/sequences/" + sequence + "/reassign-queued").then().statusCode(202)
                .body("kind", equalTo("REASSIGN_QUEUED")).body("sequence_id", equalTo(sequence)).body("total", equalTo(3))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/reassign-jobs/" + job).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/reassign-jobs/" + job).then().body("processed", equalTo(3)).body("reassigned", equalTo(2))
                .body("skipped", equalTo(1)).body("failed", equalTo(0))
                .body("skipped_by_reason", equalTo(Map.of("STEP_ALREADY_SENT", 1)))
                .body("mailbox_emails", equalTo(List.of(toA, toB)));

        Set<String> moved = new HashSet<>();
        for (String id : List.of(queued1, queued2)) {
            moved.add(as(ORG_A_KEY).get("/enrollments/" + id).then().body("display_status", equalTo("QUEUED"))
                    .extract().path("mailbox.email"));
        }
        assertThat(moved).as("one each: the least-loaded counts what the job assigns").containsExactlyInAnyOrder(toA, toB);
        as(ORG_A_KEY).get("/enrollments/" + started).then().body("mailbox.email", equalTo(from));
        as(ORG_B_KEY).get("/reassign-jobs/" + job).then().statusCode(404);
        as(ORG_A_KEY).get("/restore-jobs/" + job).then().statusCode(404);
    }

    @Test
    void unknownMailboxesAreNamedByIndexAndNothingStarts() {
        as(ORG_A_KEY).body(Map.of("mailbox_emails", List.of(toA, "nobody@acme.test")))
                .post("/sequences/" + sequence + "/reassign-queued").then().statusCode(400)
                .body("errors[0].code", equalTo("MAILBOX_NOT_FOUND")).body("errors[0].path", equalTo(List.of("mailbox_emails", 1)));
        as(ORG_A_KEY).body(Map.of("mailbox_emails", List.of())).post("/sequences/" + sequence + "/reassign-queued")
                .then().statusCode(400).body("errors[0].code", equalTo("too_few_items"));
        as(ORG_A_KEY).body(Map.of("mailbox_emails", List.of(toA))).post("/sequences/" + TestData.id() + "/reassign-queued")
                .then().statusCode(404);
        as(ORG_B_KEY).body(Map.of("mailbox_emails", List.of(toA))).post("/sequences/" + sequence + "/reassign-queued")
                .then().statusCode(404);
    }

    private String enroll(String person) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, from)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }
}
