package org.seqengine.enrollment.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * {@code GET /sequences/{id}/report} through the real broker: enrollments by display status and finish
 * reason and rejected attempts by code, all time and the last 7 days, following each change.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class SequenceReportApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theReportCountsEnrollmentsByStatusAndReasonAndRejectedAttemptsByCode() {
        TestData.awaitReady();
        String mailbox = "r-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String first = as(ORG_A_KEY).body(enrollBody(sequence, TestData.person(ORG_A_KEY), mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");
        as(ORG_A_KEY).body(enrollBody(sequence, TestData.person(ORG_A_KEY), mailbox)).post("/enrollments")
                .then().statusCode(201);
        String optedOut = TestData.person(ORG_A_KEY, Map.of("email_opt_out", true));
        as(ORG_A_KEY).body(enrollBody(sequence, optedOut, mailbox)).post("/enrollments").then().statusCode(400)
                .body("errors[0].code", equalTo("OPTED_OUT"));
        as(ORG_A_KEY).post("/enrollments/" + first + "/unenroll").then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).get("/sequences/" + sequence + "/report").then()
                .statusCode(200)
                .body("sequence_id", equalTo(sequence))
                .body("all_time.enrollments", equalTo(2))
                .body("all_time.people", equalTo(2))
                .body("all_time.companies", equalTo(1)) // both at example.com
                .body("all_time.by_display_status.QUEUED", equalTo(1))
                .body("all_time.by_display_status.CANCELED", equalTo(1))
                .body("all_time.by_finish_reason.UNENROLLED", equalTo(1))
                .body("all_time.rejected_attempts", equalTo(1))
                .body("all_time.rejected_by_code.OPTED_OUT", equalTo(1))
                // everything happened today: the last 7 days hold the same
                .body("last_7_days.enrollments", equalTo(2))
                .body("last_7_days.people", equalTo(null))
                .body("last_7_days.rejected_by_code.OPTED_OUT", equalTo(1)));
    }

    @Test
    void aSequenceWithNothingYetHasAnEmptyReportAndAnotherOrganizationsSequenceIsNotFound() {
        TestData.awaitReady();
        String sequence = TestData.sequence(ORG_A_KEY, null, 1);
        await().atMost(PATIENCE).untilAsserted(() -> as(ORG_A_KEY).get("/sequences/" + sequence + "/report").then()
                .statusCode(200).body("all_time.enrollments", equalTo(0))
                .body("all_time.by_display_status", equalTo(Map.of())));
        as(ORG_B_KEY).get("/sequences/" + sequence + "/report").then().statusCode(404);
    }
}
