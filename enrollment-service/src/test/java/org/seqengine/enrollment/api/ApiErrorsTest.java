package org.seqengine.enrollment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** Bad input is a 400 that names the field and a code; never a 500, never a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ApiErrorsTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void missingOrWrongKeyIsUnauthorized() {
        given().basePath("/sequences/v1").get("/enrollments/" + TestData.id())
                .then().statusCode(401).body("status", equalTo("unauthorized"));
        given().basePath("/sequences/v1").header("x-api-key", "key-a-12").get("/enrollments/" + TestData.id())
                .then().statusCode(401);
    }

    @Test
    void malformedJsonIsABadRequest() {
        as(ORG_A_KEY).body("{\"sequence_id\": ").post("/enrollments")
                .then().statusCode(400).body("status", equalTo("bad_request"))
                .body("errors[0].code", equalTo("invalid_json"))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownFieldIsNamed() {
        as(ORG_A_KEY).body(Map.of("sequence_id", TestData.id(), "person_id", TestData.id(),
                        "mailbox_emails", List.of("a@b.test"), "priority", "high")).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("unknown_field"))
                .body("errors[0].path", hasItem("priority"));
    }

    @Test
    void wrongTypeIsNamed() {
        as(ORG_A_KEY).body(Map.of("sequence_id", TestData.id(), "person_id", TestData.id(),
                        "mailbox_emails", "a@b.test")).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_type"))
                .body("errors[0].path", hasItem("mailbox_emails"));
    }

    @Test
    void tooManyMailboxesAndBadEmailsAreEachNamed() {
        as(ORG_A_KEY).body(Map.of("sequence_id", TestData.id(), "person_id", TestData.id(),
                        "mailbox_emails", Collections.nCopies(11, "a@b.test"))).post("/enrollments")
                .then().statusCode(400).body("errors.code", hasItem("too_many_items"));
        as(ORG_A_KEY).body(Map.of("sequence_id", TestData.id(), "person_id", TestData.id(),
                        "mailbox_emails", List.of("ok@b.test", "not-an-email"))).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_email"))
                .body("errors[0].path", equalTo(List.of("mailbox_emails", 1)));
    }

    @Test
    void missingBodyIsABadRequest() {
        as(ORG_A_KEY).post("/enrollments").then().statusCode(400).body("errors[0].code", equalTo("required"));
    }

    @Test
    void invalidReferenceDataIsABadRequest() {
        as(ORG_A_KEY).body(Map.of("name", "x", "is_published", true,
                        "steps", List.of(Map.of("type", "SMS", "wait_days", -1)))).put("/sequences/" + TestData.id())
                .then().statusCode(400).body("errors.code", hasItem("invalid_enum")).body("errors.code", hasItem("out_of_range"));
        as(ORG_A_KEY).body(Map.of("email", "nope")).put("/mailboxes/" + TestData.id())
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_email"));
        as(ORG_A_KEY).body(Map.of("email", "a@b.test")).put("/mailboxes/not-a-uuid")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_uuid"));
    }

    @Test
    void unknownPathsAndIdsAreNotFound() {
        as(ORG_A_KEY).get("/enrollments/" + TestData.id()).then().statusCode(404).body("status", equalTo("not_found"));
        as(ORG_A_KEY).get("/enrollments/not-a-uuid").then().statusCode(404);
        as(ORG_A_KEY).get("/no-such-thing").then().statusCode(404);
        as(ORG_A_KEY).body(Map.of()).post("/people/" + TestData.id() + "/opt-out").then().statusCode(404);
    }

    @Test
    void badListParametersAreNamed() {
        as(ORG_A_KEY).queryParam("limit", "0").get("/enrollments").then().statusCode(400)
                .body("errors[0].path", hasItem("limit"));
        as(ORG_A_KEY).queryParam("status", "SLEEPING").get("/enrollments").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_status"));
    }

    @Test
    void clearingAnOptOutNeedsAPermissionNote() {
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).body(Map.of()).post("/people/" + person + "/opt-out").then().statusCode(200);
        as(ORG_A_KEY).body(Map.of()).delete("/people/" + person + "/opt-out").then().statusCode(400)
                .body("errors[0].code", equalTo("required")).body("errors[0].path", hasItem("permission_note"));
        as(ORG_A_KEY).body(Map.of("permission_note", "Re-subscribed by phone, ticket 812")).delete("/people/" + person + "/opt-out")
                .then().statusCode(200).body("is_opted_out", equalTo(false));
    }

    @Test
    void healthAndOpenApiAndMetricsNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/sequences/v1/enrollments"));
        given().get("/q/metrics").then().statusCode(200);
        given().contentType(ContentType.JSON).get("/q/health/live").then().statusCode(200);
    }
}
