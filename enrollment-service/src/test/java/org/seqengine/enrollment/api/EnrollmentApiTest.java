package org.seqengine.enrollment.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class EnrollmentApiTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void enrollsAPersonAndReadsTheEnrollmentBack() {
        String mailbox = "sender-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String sequence = TestData.sequence(ORG_A_KEY, null, 3);
        String person = TestData.person(ORG_A_KEY);

        String id = as(ORG_A_KEY).body(enrollBody(sequence, person, "nobody@acme.test", mailbox))
                .post("/enrollments")
                .then().statusCode(201)
                .body("status", equalTo("IN_PROGRESS"))
                .body("display_status", equalTo("QUEUED"))
                .body("sequence.id", equalTo(sequence))
                .body("person.id", equalTo(person))
                .body("mailbox.email", equalTo(mailbox))
                .body("reply_email_message", equalTo(null))
                .extract().path("id");

        as(ORG_A_KEY).get("/enrollments/" + id).then().statusCode(200).body("id", equalTo(id));
        as(ORG_A_KEY).queryParam("person_id", person).get("/enrollments")
                .then().statusCode(200).body("data.id", hasItem(id));
    }

    @Test
    void secondActiveEnrollmentIsAConflictNamingTheActiveOne() {
        String mailbox = "sender-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String first = TestData.sequence(ORG_A_KEY, null, 2);
        String second = TestData.sequence(ORG_A_KEY, null, 2);
        String person = TestData.person(ORG_A_KEY);
        String active = as(ORG_A_KEY).body(enrollBody(first, person, mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");

        as(ORG_A_KEY).body(enrollBody(second, person, mailbox)).post("/enrollments")
                .then().statusCode(409)
                .body("status", equalTo("conflict"))
                .body("message", notNullValue())
                .body("active_sequence_id", equalTo(first))
                .body("active_enrollment_id", equalTo(active));
    }

    @Test
    void anotherOrganizationsEnrollmentIsNotFound() {
        String mailbox = "sender-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String sequence = TestData.sequence(ORG_A_KEY, null, 1);
        String person = TestData.person(ORG_A_KEY);
        String id = as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");

        as(ORG_B_KEY).get("/enrollments/" + id).then().statusCode(404).body("status", equalTo("not_found"));
        as(ORG_B_KEY).post("/enrollments/" + id + "/pause").then().statusCode(404);
        as(ORG_B_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments").then().statusCode(404);
    }

    @Test
    void optOutEndsTheActiveEnrollmentAndBlocksNewOnes() {
        String mailbox = "sender-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String person = TestData.person(ORG_A_KEY);
        String id = as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");

        as(ORG_A_KEY).body(Map.of("source", "ADMIN")).post("/people/" + person + "/opt-out")
                .then().statusCode(200).body("ended_enrollments.id", hasItem(id));
        as(ORG_A_KEY).get("/enrollments/" + id).then().statusCode(200)
                .body("status", equalTo("FINISHED")).body("is_opted_out", equalTo(true))
                .body("finish_reason", equalTo("OPTED_OUT"));
        as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(400).body("status", equalTo("bad_request"))
                .body("errors[0].code", equalTo("OPTED_OUT"));
    }
}
