package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class LifecycleApiTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    private static String newMailbox() {
        String email = "m-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, email);
        return email;
    }

    private static String enroll(String sequence, String person, String mailbox) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void thirtyConcurrentEnrollsForOnePersonYieldExactlyOneEnrollment() throws Exception {
        String mailbox = newMailbox();
        String person = TestData.person(ORG_A_KEY);
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < 3; i++) sequences.add(TestData.sequence(ORG_A_KEY, null, 2));

        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String sequence = sequences.get(i % 3);
            statuses.add(pool.submit(() -> {
                start.await();
                return as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments").statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) codes.add(f.get());
        pool.shutdown();

        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(codes).filteredOn(c -> c == 409).hasSize(29);
        as(ORG_A_KEY).queryParam("person_id", person).get("/enrollments").then().body("data", hasSize(1));
    }

    @Test
    void pauseResumeAndUnenrollBeforeAnyStepCancels() {
        String mailbox = newMailbox();
        String id = enroll(TestData.sequence(ORG_A_KEY, null, 2), TestData.person(ORG_A_KEY), mailbox);

        as(ORG_A_KEY).post("/enrollments/" + id + "/pause").then().statusCode(200)
                .body("is_paused", equalTo(true)).body("display_status", equalTo("PAUSED")).body("status", equalTo("IN_PROGRESS"));
        as(ORG_A_KEY).post("/enrollments/" + id + "/resume").then().statusCode(200)
                .body("is_paused", equalTo(false)).body("display_status", equalTo("QUEUED"));
        as(ORG_A_KEY).post("/enrollments/" + id + "/resume").then().statusCode(400)
                .body("errors[0].code", equalTo("ENROLLMENT_NOT_PAUSED"));
        as(ORG_A_KEY).post("/enrollments/" + id + "/unenroll").then().statusCode(200)
                .body("status", equalTo("FINISHED")).body("is_canceled", equalTo(true))
                .body("display_status", equalTo("CANCELED")).body("finish_reason", equalTo("UNENROLLED"));
        as(ORG_A_KEY).post("/enrollments/" + id + "/unenroll").then().statusCode(400)
                .body("errors[0].code", equalTo("ENROLLMENT_NOT_ACTIVE"));
    }

    @Test
    void deleteCancelsTheEnrollment() {
        String id = enroll(TestData.sequence(ORG_A_KEY, null, 1), TestData.person(ORG_A_KEY), newMailbox());
        as(ORG_A_KEY).delete("/enrollments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("is_canceled", equalTo(true));
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("status", equalTo("FINISHED"));
    }

    @Test
    void idempotencyKeyReturnsTheFirstOutcomeAndCreatesNothingNew() {
        String mailbox = newMailbox();
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String person = TestData.person(ORG_A_KEY);
        String first = as(ORG_A_KEY).header("Idempotency-Key", "retry-" + person).body(enrollBody(sequence, person, mailbox))
                .post("/enrollments").then().statusCode(201).extract().path("id");
        String retried = as(ORG_A_KEY).header("Idempotency-Key", "retry-" + person).body(enrollBody(sequence, person, mailbox))
                .post("/enrollments").then().statusCode(201).extract().path("id");
        assertThat(retried).isEqualTo(first);
        as(ORG_A_KEY).queryParam("person_id", person).get("/enrollments").then().body("data", hasSize(1));
    }

    @Test
    void unenrollPersonEndsTheirActiveEnrollment() {
        String person = TestData.person(ORG_A_KEY);
        String id = enroll(TestData.sequence(ORG_A_KEY, null, 2), person, newMailbox());
        as(ORG_A_KEY).post("/people/" + person + "/unenroll").then().statusCode(200)
                .body("unenrolled.id", hasItem(id));
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("status", equalTo("FINISHED"));
    }

    @Test
    void eligibilityListsEveryFailingReason() {
        String mailbox = newMailbox();
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String person = TestData.person(ORG_A_KEY, Map.of("do_not_email", true, "email_opt_out", true));
        as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + person + "/eligibility")
                .then().statusCode(200).body("eligible", equalTo(false))
                .body("reasons.code", hasItems("OPTED_OUT", "DO_NOT_EMAIL"));

        as(ORG_A_KEY).queryParam("sequence_id", sequence).queryParam("mailbox_emails", "nobody@nowhere.test")
                .get("/people/" + person + "/eligibility")
                .then().statusCode(200).body("reasons.code", hasItems("MAILBOX_NOT_FOUND", "OPTED_OUT", "DO_NOT_EMAIL"));

        String fine = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + fine + "/eligibility")
                .then().statusCode(200).body("eligible", equalTo(true)).body("reasons", hasSize(0));
        enroll(sequence, fine, mailbox);
        as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + fine + "/eligibility")
                .then().body("eligible", equalTo(false)).body("reasons[0].code", equalTo("ALREADY_ENROLLED_ACTIVE"));
    }

    @Test
    void unpublishedSequenceAndUnknownMailboxAreRejectedWithTheirCodes() {
        String mailbox = newMailbox();
        String person = TestData.person(ORG_A_KEY);
        String sequence = TestData.id();
        as(ORG_A_KEY).body(Map.of("name", "Draft", "is_published", false, "steps", List.of()))
                .put("/sequences/" + sequence).then().statusCode(200);
        as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("SEQUENCE_NOT_PUBLISHED"));
        as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 1), person, "unknown@nowhere.test"))
                .post("/enrollments").then().statusCode(400).body("errors[0].code", equalTo("MAILBOX_NOT_FOUND"));
    }

    @Test
    void pausingASequenceShowsOnItsEnrollments() {
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String id = enroll(sequence, TestData.person(ORG_A_KEY), newMailbox());
        as(ORG_A_KEY).post("/sequences/" + sequence + "/pause").then().statusCode(200).body("is_paused", equalTo(true));
        as(ORG_A_KEY).get("/enrollments/" + id).then().body("sequence.is_paused", equalTo(true))
                .body("status", equalTo("IN_PROGRESS"));
        as(ORG_A_KEY).post("/sequences/" + sequence + "/resume").then().statusCode(200).body("is_paused", equalTo(false));
    }

    @Test
    void bulkUnenrollJobsReportProgressAndAFinalCount() {
        String mailbox = newMailbox();
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(enroll(sequence, TestData.person(ORG_A_KEY), mailbox));

        String job = as(ORG_A_KEY).body(Map.of("sequence_id", sequence)).post("/unenroll-jobs")
                .then().statusCode(202).body("state", equalTo("RUNNING")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().statusCode(200).body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("unenrolled", equalTo(3)).body("failed", equalTo(0));
        for (String id : ids) {
            as(ORG_A_KEY).get("/enrollments/" + id).then().body("status", equalTo("FINISHED"));
        }

        String byIds = as(ORG_A_KEY).body(Map.of("enrollment_ids", List.of(ids.get(0), TestData.id()))).post("/unenroll-jobs")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/unenroll-jobs/" + byIds).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/unenroll-jobs/" + byIds).then().body("unenrolled", equalTo(0)).body("skipped", equalTo(2));
    }

    @Test
    void bulkUnenrollByCompanyDomain() {
        String mailbox = newMailbox();
        String domain = "co-" + TestData.id().substring(0, 8) + ".test";
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String atCompany = enroll(sequence, TestData.person(ORG_A_KEY, Map.of("company_domain", "www." + domain)), mailbox);
        String elsewhere = enroll(sequence, TestData.person(ORG_A_KEY), mailbox);

        String job = as(ORG_A_KEY).body(Map.of("company_domains", List.of(domain.toUpperCase()))).post("/unenroll-jobs")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("state", equalTo("COMPLETED")));
        as(ORG_A_KEY).get("/unenroll-jobs/" + job).then().body("unenrolled", equalTo(1));
        as(ORG_A_KEY).get("/enrollments/" + atCompany).then().body("status", equalTo("FINISHED"));
        as(ORG_A_KEY).get("/enrollments/" + elsewhere).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void unenrollJobNeedsExactlyOneSelector() {
        as(ORG_A_KEY).body(Map.of("sequence_id", TestData.id(), "company_domains", List.of("a.test")))
                .post("/unenroll-jobs").then().statusCode(400).body("errors[0].code", equalTo("one_selector_required"));
        as(ORG_A_KEY).get("/unenroll-jobs/" + TestData.id()).then().statusCode(404);
    }

    @Test
    void listsPageWithACursor() {
        String mailbox = newMailbox();
        String sequence = TestData.sequence(ORG_A_KEY, null, 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(enroll(sequence, TestData.person(ORG_A_KEY), mailbox));
        ids.sort(String::compareTo);

        String cursor = as(ORG_A_KEY).queryParam("sequence_id", sequence).queryParam("limit", 2).get("/enrollments")
                .then().statusCode(200).body("data.id", equalTo(ids.subList(0, 2)))
                .body("next_cursor", equalTo(ids.get(1))).extract().path("next_cursor");
        as(ORG_A_KEY).queryParam("sequence_id", sequence).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/enrollments").then().statusCode(200)
                .body("data.id", equalTo(ids.subList(2, 3))).body("next_cursor", equalTo(null));
        as(ORG_A_KEY).queryParam("sequence_id", sequence).queryParam("status", "QUEUED").get("/enrollments")
                .then().body("data", hasSize(3));
        as(ORG_A_KEY).queryParam("sequence_id", sequence).queryParam("status", "FINISHED").get("/enrollments")
                .then().body("data", hasSize(0));
    }

    @Test
    void idempotencyKeyReusedForAnotherPersonIsAnotherEnrollment() {
        String mailbox = newMailbox();
        String sequence = TestData.sequence(ORG_A_KEY, null, 1);
        String key = "shared-" + TestData.id();
        String first = as(ORG_A_KEY).header("Idempotency-Key", key).body(enrollBody(sequence, TestData.person(ORG_A_KEY), mailbox))
                .post("/enrollments").then().statusCode(201).extract().path("id");
        String second = as(ORG_A_KEY).header("Idempotency-Key", key).body(enrollBody(sequence, TestData.person(ORG_A_KEY), mailbox))
                .post("/enrollments").then().statusCode(201).extract().path("id");
        assertThat(second).isNotEqualTo(first);
        as(ORG_A_KEY).get("/enrollments/" + first).then().statusCode(200);
    }

    @Test
    void decisionsAreCountedInTheMetrics() {
        enroll(TestData.sequence(ORG_A_KEY, null, 1), TestData.person(ORG_A_KEY), newMailbox());
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("enrollment_commands_total{"))
                .body(org.hamcrest.Matchers.containsString("type=\"Enroll\""));
    }
}
