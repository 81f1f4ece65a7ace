package org.seqengine.enrollment.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.api.dto.Limits;
import org.seqengine.enrollment.testsupport.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** Input that used to answer 5xx is a 400 naming the field, or a JSON 413 for a body over the limit. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class RequestValidationTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void nullMapValuesAndListItemsAreNamed() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("k", null);
        as(ORG_A_KEY).body(Map.of("email", "a@b.test", "attributes", attributes)).put("/people/" + TestData.id())
                .then().statusCode(400).body("status", equalTo("bad_request"))
                .body("errors[0].code", equalTo("required")).body("errors[0].path", equalTo(List.of("attributes", "k")));
        as(ORG_A_KEY).body(Map.of("attributes", Map.of(" ", "v"))).put("/people/" + TestData.id())
                .then().statusCode(400).body("errors[0].path", equalTo(List.of("attributes", " ")));

        List<Object> ids = new ArrayList<>();
        ids.add(null);
        as(ORG_A_KEY).body(Map.of("exclusion_rule_ids", ids)).put("/rulesets/nulls")
                .then().statusCode(400).body("errors[0].code", equalTo("required"))
                .body("errors[0].path", equalTo(List.of("exclusion_rule_ids", 0)));
        as(ORG_A_KEY).body(Map.of("exclusion_rule_ids", List.of("ok", ""))).put("/rulesets/blanks")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_id"))
                .body("errors[0].path", equalTo(List.of("exclusion_rule_ids", 1)));

        List<Object> steps = new ArrayList<>();
        steps.add(null);
        as(ORG_A_KEY).body(Map.of("name", "n", "is_published", false, "steps", steps)).put("/sequences/" + TestData.id())
                .then().statusCode(400).body("errors[0].path", equalTo(List.of("steps", 0)));
        as(ORG_A_KEY).body(Map.of("enrollment_ids", List.of(TestData.id(), ""))).post("/unenroll-jobs")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_uuid"))
                .body("errors[0].path", equalTo(List.of("enrollment_ids", 1)));
        as(ORG_A_KEY).body(Map.of("sequence_id", "", "person_id", TestData.id(), "mailbox_emails", List.of("a@b.test")))
                .post("/enrollments").then().statusCode(400).body("errors[0].path", equalTo(List.of("sequence_id")));
    }

    @Test
    void aPublishedSequenceNeedsSteps() {
        as(ORG_A_KEY).body(Map.of("name", "Empty", "is_published", true, "steps", List.of())).put("/sequences/" + TestData.id())
                .then().statusCode(400).body("errors[0].code", equalTo("steps_required"))
                .body("errors[0].path", equalTo(List.of("steps")));
        as(ORG_A_KEY).body(Map.of("name", "Draft", "is_published", false, "steps", List.of())).put("/sequences/" + TestData.id())
                .then().statusCode(200);
    }

    @Test
    void oversizedCollectionsAndStringsAreNamed() {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i <= Limits.ATTRIBUTES; i++) attributes.put("k" + i, "v");
        as(ORG_A_KEY).body(Map.of("attributes", attributes)).put("/people/" + TestData.id())
                .then().statusCode(400).body("errors[0].code", equalTo("too_many_items"))
                .body("errors[0].path", equalTo(List.of("attributes")));
        as(ORG_A_KEY).body(Map.of("first_name", "x".repeat(Limits.TEXT + 1))).put("/people/" + TestData.id())
                .then().statusCode(400).body("errors[0].code", equalTo("too_long"))
                .body("errors[0].path", equalTo(List.of("first_name")));
        List<Map<String, Object>> steps = Collections.nCopies(Limits.STEPS + 1, Map.of("type", "TASK", "wait_days", 1));
        as(ORG_A_KEY).body(Map.of("name", "Long", "is_published", true, "steps", steps)).put("/sequences/" + TestData.id())
                .then().statusCode(400).body("errors[0].code", equalTo("too_many_items"))
                .body("errors[0].path", equalTo(List.of("steps")));
        as(ORG_A_KEY).body(Map.of("name", "Big", "is_published", true,
                        "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "body", "b".repeat(Limits.STEP_BODY + 1)))))
                .put("/sequences/" + TestData.id())
                .then().statusCode(400).body("errors[0].path", equalTo(List.of("steps", 0, "body")));
        as(ORG_A_KEY).body(Map.of("exclusion_rule_ids", Collections.nCopies(Limits.EXCLUSION_RULE_IDS + 1, "r")))
                .put("/rulesets/many").then().statusCode(400).body("errors[0].code", equalTo("too_many_items"));
        as(ORG_A_KEY).body(Map.of("filter", Map.of("field", "person.v", "op", "equals", "value", "x".repeat(Limits.FILTER_JSON))))
                .put("/exclusion-rules/big")
                .then().statusCode(400).body("errors[0].code", equalTo("too_large"))
                .body("errors[0].path", equalTo(List.of("filter")));
    }

    @Test
    void parametersAreNamed() {
        as(ORG_A_KEY).get("/people/" + TestData.id() + "/eligibility").then().statusCode(400)
                .body("errors[0].code", equalTo("required")).body("errors[0].path", equalTo(List.of("sequence_id")));
        as(ORG_A_KEY).queryParam("sequence_id", TestData.id()).queryParam("mailbox_emails", ", ,")
                .get("/people/" + TestData.id() + "/eligibility").then().statusCode(400)
                .body("errors[0].path", equalTo(List.of("mailbox_emails")));
        as(ORG_A_KEY).body(Map.of("reenrollment_waiting_days", 1)).put("/rulesets/" + "bad id!")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_id")).body("errors[0].path", equalTo(List.of("id")));
        as(ORG_A_KEY).put("/people/" + TestData.id()).then().statusCode(400)
                .body("errors[0].code", equalTo("required")).body("errors[0].path", equalTo(List.of()));
        as(ORG_A_KEY).body(Map.of("source", "pigeon")).post("/people/" + TestData.person(ORG_A_KEY) + "/opt-out")
                .then().statusCode(400).body("errors.code", hasItem("invalid_enum"));
    }

    @Test
    void aBodyOverTheLimitIs413WithAJsonBody() {
        String huge = "{\"name\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}";
        as(ORG_A_KEY).body(huge).put("/sequences/" + TestData.id())
                .then().statusCode(413).body("status", equalTo("payload_too_large"))
                .body("errors[0].code", equalTo("body_too_large"));
    }

    /** Without a Content-Length the limit is found while reading: still a 413, never a 5xx. */
    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/sequences/v1/sequences/" + TestData.id()))
                .header("x-api-key", ORG_A_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        int status;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return; // the server may close the connection while the client still writes: no answer at all is fine too
        }
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(413);
    }
}
