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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** Bulk unenroll by CSV upload (ids or company domains), its checks, and organization scoping of jobs. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class UnenrollJobApiTest {

    private String email;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        email = "m-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, email);
    }

    @Test
    void csvOfEnrollmentIdsUnenrollsThemAndCountsUnknownIdsAsSkipped() {
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) ids.add(enroll(sequence, TestData.person(ORG_A_KEY)));
        String csv = "enrollment_id,note\n" + ids.get(0) + ",a\n" + ids.get(1) + ",b\n\n" + ids.get(2) + ",c\n" + TestData.id() + ",gone\n";

        String job = as(ORG_A_KEY).contentType("text/csv").body(csv).post("/unenroll-jobs").then().statusCode(202)
                .body("state", equalTo("RUNNING")).body("total", equalTo(4)).body("selector", equalTo("ENROLLMENT_IDS"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("processed", equalTo(4)).body("unenrolled", equalTo(3))
                .body("skipped", equalTo(1)).body("failed", equalTo(0)).body("finished_at", org.hamcrest.Matchers.notNullValue());
        for (int i = 0; i < 3; i++) as(ORG_A_KEY).get("/enrollments/" + ids.get(i)).then().body("status", equalTo("FINISHED"));
        as(ORG_A_KEY).get("/enrollments/" + ids.get(3)).then().body("status", equalTo("IN_PROGRESS"));
        // another organization does not see the job
        as(ORG_B_KEY).get("/unenroll-jobs/" + job).then().statusCode(404);
    }

    @Test
    void csvOfCompanyDomains() {
        String domain = "csv-" + TestData.id().substring(0, 8) + ".test";
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String atCompany = enroll(sequence, TestData.person(ORG_A_KEY, Map.of("company_domain", domain)));
        String elsewhere = enroll(sequence, TestData.person(ORG_A_KEY));

        String job = as(ORG_A_KEY).contentType("text/csv").body("company_domain\nWWW." + domain.toUpperCase() + "\n")
                .post("/unenroll-jobs").then().statusCode(202).body("selector", equalTo("COMPANY_DOMAINS")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("total", equalTo(1)).body("unenrolled", equalTo(1));
        as(ORG_A_KEY).get("/enrollments/" + atCompany).then().body("status", equalTo("FINISHED"));
        as(ORG_A_KEY).get("/enrollments/" + elsewhere).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameJob() {
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        for (int i = 0; i < 3; i++) enroll(sequence, TestData.person(ORG_A_KEY));
        String key = "cleanup-" + TestData.id();
        String job = as(ORG_A_KEY).header("Idempotency-Key", key).body(Map.of("sequence_id", sequence))
                .post("/unenroll-jobs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).header("Idempotency-Key", key).body(Map.of("sequence_id", sequence)).post("/unenroll-jobs")
                .then().statusCode(202).body("id", equalTo(job)).body("state", equalTo("COMPLETED"))
                .body("total", equalTo(3)).body("unenrolled", equalTo(3));
        // the same key in another organization is another job
        as(ORG_B_KEY).header("Idempotency-Key", key).body(Map.of("sequence_id", sequence)).post("/unenroll-jobs")
                .then().statusCode(202).body("id", org.hamcrest.Matchers.not(equalTo(job))).body("total", equalTo(0));
    }

    @Test
    void csvNeedsAKnownHeaderAndValidIds() {
        as(ORG_A_KEY).contentType("text/csv").body("id\n" + TestData.id() + "\n").post("/unenroll-jobs")
                .then().statusCode(400).body("errors[0].code", equalTo("csv_header_required"));
        as(ORG_A_KEY).contentType("text/csv").body("enrollment_id\nnot-a-uuid\n").post("/unenroll-jobs")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_uuid"))
                .body("errors[0].path", equalTo(List.of("enrollment_id", 0)));
        as(ORG_A_KEY).contentType("text/csv").body("enrollment_id\n").post("/unenroll-jobs").then().statusCode(400);
        as(ORG_A_KEY).contentType("text/csv").body("company_domain\n\"unterminated\n").post("/unenroll-jobs").then().statusCode(400);
    }

    private String enroll(String sequence, String person) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, email)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }
}
