package org.seqengine.enrollment.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/** POST /exclusion-rules/{id}/restore through the real broker: reopens where it stopped, skips with reasons. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class RestoreJobApiTest {

    private static final String ORG = "org-a";

    private String email;
    private String rule;
    private String sequence;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        email = "r-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, email);
        rule = "restore-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("name", "Competitors", "level", "COMPANY", "exclude_from_sequences", true,
                "remove_from_active_sequences", true)).put("/exclusion-rules/" + rule).then().statusCode(200);
        sequence = TestData.sequence(ORG_A_KEY, null, 3);
    }

    @Test
    void reopensAtTheStoppedStepAndSkipsIneligiblePeopleWithTheirReasons() {
        String eligible = TestData.person(ORG_A_KEY);
        String stillMatching = TestData.person(ORG_A_KEY);
        String optedOut = TestData.person(ORG_A_KEY);
        String reopened = enroll(eligible);
        String excluded = enroll(stillMatching);
        String optedOutEnrollment = enroll(optedOut);
        TopicClient.send(new EnrollmentCommand.CompleteStep(meta(eligible), reopened, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/enrollments/" + reopened).then().body("display_status", equalTo("STARTED")));

        // the person who still matches the rule now; the others no longer do
        matches(stillMatching, rule);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + stillMatching + "/eligibility")
                        .then().body("reasons.code", hasItem("EXCLUDED")));
        for (String person : List.of(eligible, stillMatching, optedOut)) {
            TopicClient.send(new EnrollmentCommand.Exclude(meta(person), List.of(new ExclusionMatch(rule, MatchLevel.COMPANY))));
        }
        for (String id : List.of(reopened, excluded, optedOutEnrollment)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as(ORG_A_KEY).get("/enrollments/" + id).then().body("display_status", equalTo("EXCLUDED")));
        }
        as(ORG_A_KEY).body(Map.of("source", "ADMIN")).post("/people/" + optedOut + "/opt-out").then().statusCode(200);

        String job = as(ORG_A_KEY).body(Map.of("since", Instant.now().minusSeconds(3600).toString()))
                .post("/exclusion-rules/" + rule + "/restore").then().statusCode(202)
                .body("kind", equalTo("RESTORE")).body("rule_id", equalTo(rule)).body("total", equalTo(3))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/restore-jobs/" + job).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/restore-jobs/" + job).then().body("processed", equalTo(3)).body("restored", equalTo(1))
                .body("skipped", equalTo(2)).body("failed", equalTo(0))
                .body("skipped_by_reason", equalTo(Map.of("EXCLUDED", 1, "OPTED_OUT", 1)));

        as(ORG_A_KEY).get("/enrollments/" + reopened).then().body("status", equalTo("IN_PROGRESS"))
                .body("display_status", equalTo("STARTED")).body("next_step_index", equalTo(1))
                .body("steps_completed", equalTo(1)).body("ended_at", equalTo(null)).body("finish_reason", equalTo(null));
        as(ORG_A_KEY).get("/enrollments/" + excluded).then().body("display_status", equalTo("EXCLUDED"));
        as(ORG_A_KEY).get("/enrollments/" + optedOutEnrollment).then().body("display_status", equalTo("EXCLUDED"));
        // another organization sees neither the job nor the rule; an unenroll job path does not show it
        as(ORG_B_KEY).get("/restore-jobs/" + job).then().statusCode(404);
        as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().statusCode(404);
        as(ORG_B_KEY).body(Map.of("since", Instant.now().toString())).post("/exclusion-rules/" + rule + "/restore")
                .then().statusCode(404);
    }

    @Test
    void onlyExclusionsSinceTheGivenTimeAreTargeted() {
        String person = TestData.person(ORG_A_KEY);
        String id = enroll(person);
        TopicClient.send(new EnrollmentCommand.Exclude(meta(person), List.of(new ExclusionMatch(rule, MatchLevel.PERSON))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/enrollments/" + id).then().body("display_status", equalTo("EXCLUDED")));
        Instant endedAt = Instant.parse(as(ORG_A_KEY).get("/enrollments/" + id).then().extract().path("ended_at"));

        String none = as(ORG_A_KEY).body(Map.of("since", endedAt.plusMillis(1).toString()))
                .post("/exclusion-rules/" + rule + "/restore").then().statusCode(202).body("total", equalTo(0)).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/restore-jobs/" + none).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("display_status", equalTo("EXCLUDED"));
    }

    @Test
    void sinceIsRequiredAndNotInTheFutureAndTheRuleMustExist() {
        as(ORG_A_KEY).body(Map.of()).post("/exclusion-rules/" + rule + "/restore").then().statusCode(400)
                .body("errors[0].code", equalTo("required")).body("errors[0].path", equalTo(List.of("since")));
        as(ORG_A_KEY).body(Map.of("since", Instant.now().plusSeconds(3600).toString()))
                .post("/exclusion-rules/" + rule + "/restore").then().statusCode(400)
                .body("errors[0].code", equalTo("out_of_range")).body("errors[0].path", equalTo(List.of("since")));
        as(ORG_A_KEY).body(Map.of("since", "yesterday")).post("/exclusion-rules/" + rule + "/restore").then().statusCode(400);
        as(ORG_A_KEY).body(Map.of("since", Instant.now().toString())).post("/exclusion-rules/no-such-rule/restore")
                .then().statusCode(404);
        as(ORG_A_KEY).get("/restore-jobs/" + TestData.id()).then().statusCode(404);
    }

    private String enroll(String person) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, email)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }

    private static CommandMeta meta(String person) {
        return new CommandMeta("test-" + TestData.id(), ORG, person, Instant.now(), "test", null);
    }

    private static void matches(String person, String ruleId) {
        TopicClient.publish(Topics.EXCLUSION_MATCHES, Keys.of(ORG, person), ExclusionMatchesRecord.newBuilder()
                .setOrgId(ORG).setPersonId(person)
                .setMatches(List.of(new ExclusionMatchRecord(ruleId, "COMPANY", null, List.of())))
                .setEvaluatedAt(Instant.now()).build());
    }
}
