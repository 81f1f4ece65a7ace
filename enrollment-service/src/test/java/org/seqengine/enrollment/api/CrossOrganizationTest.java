package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * Every endpoint that takes an id answers another organization's id exactly as an unknown id: the
 * same 404 and the same body, so a key never learns what exists elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class CrossOrganizationTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    /** One request shape, given an id. */
    private record Call(String name, Function<String, Response> request) {}

    @Test
    void anotherOrganizationsIdsAreNotFoundLikeUnknownIds() {
        String mailboxEmail = "x-" + TestData.id().substring(0, 6) + "@acme.test";
        String mailbox = TestData.mailbox(ORG_A_KEY, mailboxEmail);
        String ruleset = "cross-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("reenrollment_waiting_days", 1)).put("/rulesets/" + ruleset).then().statusCode(200);
        String rule = "rule-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("name", "r", "level", "PERSON")).put("/exclusion-rules/" + rule).then().statusCode(200);
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String person = TestData.person(ORG_A_KEY);
        String enrollment = as(ORG_A_KEY).body(enrollBody(sequence, person, mailboxEmail)).post("/enrollments")
                .then().statusCode(201).extract().path("id");
        String job = as(ORG_A_KEY).body(Map.of("sequence_id", sequence)).post("/unenroll-jobs")
                .then().statusCode(202).extract().path("id");
        String bSequence = TestData.sequence(ORG_B_KEY, null, 1);
        String bPerson = TestData.person(ORG_B_KEY);
        String bMailbox = "b-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_B_KEY, bMailbox);

        Map<String, String> slugs = Map.of(ruleset, "no-such-ruleset", rule, "no-such-rule");
        List<Call> enrollmentCalls = List.of(
                new Call("GET /enrollments/{id}", id -> b().get("/enrollments/" + id)),
                new Call("DELETE /enrollments/{id}", id -> b().delete("/enrollments/" + id)),
                new Call("POST /enrollments/{id}/unenroll", id -> b().post("/enrollments/" + id + "/unenroll")),
                new Call("POST /enrollments/{id}/pause", id -> b().post("/enrollments/" + id + "/pause")),
                new Call("POST /enrollments/{id}/resume", id -> b().post("/enrollments/" + id + "/resume")));
        List<Call> sequenceCalls = List.of(
                new Call("GET /sequences/{id}", id -> b().get("/sequences/" + id)),
                new Call("POST /sequences/{id}/pause", id -> b().post("/sequences/" + id + "/pause")),
                new Call("POST /sequences/{id}/resume", id -> b().post("/sequences/" + id + "/resume")),
                new Call("GET /people/{b's person}/eligibility?sequence_id={id}",
                        id -> b().queryParam("sequence_id", id).get("/people/" + bPerson + "/eligibility")),
                new Call("POST /enrollments {sequence_id}", id -> b().body(enrollBody(id, bPerson, bMailbox))
                        .post("/enrollments")));
        List<Call> personCalls = List.of(
                new Call("GET /people/{id}", id -> b().get("/people/" + id)),
                new Call("POST /people/{id}/unenroll", id -> b().post("/people/" + id + "/unenroll")),
                new Call("POST /people/{id}/opt-out", id -> b().body(Map.of()).post("/people/" + id + "/opt-out")),
                new Call("DELETE /people/{id}/opt-out", id -> b().body(Map.of("permission_note", "asked"))
                        .delete("/people/" + id + "/opt-out")),
                new Call("GET /people/{id}/eligibility", id -> b().queryParam("sequence_id", bSequence)
                        .get("/people/" + id + "/eligibility")),
                new Call("POST /enrollments {person_id}", id -> b().body(enrollBody(bSequence, id, bMailbox))
                        .post("/enrollments")));

        assertLikeUnknown(enrollmentCalls, enrollment, TestData.id());
        assertLikeUnknown(sequenceCalls, sequence, TestData.id());
        assertLikeUnknown(personCalls, person, TestData.id());
        assertLikeUnknown(List.of(new Call("GET /mailboxes/{id}", id -> b().get("/mailboxes/" + id))), mailbox, TestData.id());
        assertLikeUnknown(List.of(new Call("GET /rulesets/{id}", id -> b().get("/rulesets/" + id))), ruleset, slugs.get(ruleset));
        assertLikeUnknown(List.of(new Call("GET /exclusion-rules/{id}", id -> b().get("/exclusion-rules/" + id))), rule,
                slugs.get(rule));
        assertLikeUnknown(List.of(new Call("GET /unenroll-jobs/{id}", id -> b().get("/unenroll-jobs/" + id))), job, TestData.id());

        // and nothing org-b did touched org-a's records
        as(ORG_A_KEY).get("/enrollments/" + enrollment).then().statusCode(200);
        as(ORG_A_KEY).get("/sequences/" + sequence).then().statusCode(200);
        as(ORG_A_KEY).get("/people/" + person).then().statusCode(200);
    }

    private static RequestSpecification b() {
        return as(ORG_B_KEY);
    }

    private static void assertLikeUnknown(List<Call> calls, String othersId, String unknownId) {
        for (Call call : calls) {
            Response others = call.request().apply(othersId);
            Response unknown = call.request().apply(unknownId);
            assertThat(others.statusCode()).as("%s with another organization's id: %s", call.name(), others.asString())
                    .isEqualTo(404);
            assertThat(unknown.statusCode()).as("%s with an unknown id", call.name()).isEqualTo(404);
            assertThat(others.jsonPath().getMap("")).as(call.name()).isEqualTo(unknown.jsonPath().getMap(""));
        }
    }
}
