package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.api.SettingsApiTest.ORG_C_CRMS;
import static org.seqengine.enrollment.api.SettingsApiTest.ORG_C_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * Account-aware sequencing over HTTP, through the real broker: the company limit in {@code POST
 * /enrollments} and the eligibility dry run, {@code GET /companies/{domain}/enrollments}, and an
 * enrollment's {@code company_domain} and {@code colleague_reply}. Each test has its own company
 * domain and ruleset, so the other tests' people (at example.com) never count.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class CompanyApiTest {

    private static final Duration LEDGER_PATIENCE = Duration.ofSeconds(30);

    private String email;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        email = "m-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, email);
    }

    @Test
    void anEnrollOverTheCompanyLimitIsA400NamingTheDomainTheLimitAndTheCount() {
        String domain = uniqueDomain();
        String sequence = TestData.sequence(ORG_A_KEY, cappedRuleset(2), 1);
        // written as a user would; stored and counted normalized
        Map<String, Object> atCompany = Map.of("company_domain", "https://www." + domain.toUpperCase() + "/about");
        String first = enroll(sequence, TestData.person(ORG_A_KEY, atCompany));
        enroll(sequence, TestData.person(ORG_A_KEY, atCompany));
        as(ORG_A_KEY).get("/enrollments/" + first).then().statusCode(200).body("company_domain", equalTo(domain));

        String third = TestData.person(ORG_A_KEY, atCompany);
        as(ORG_A_KEY).body(enrollBody(sequence, third, email)).post("/enrollments").then().statusCode(400)
                .body("status", equalTo("bad_request"))
                .body("errors[0].code", equalTo("COMPANY_LIMIT_REACHED"))
                .body("errors[0].company_domain", equalTo(domain))
                .body("errors[0].limit", equalTo(2))
                .body("errors[0].active_count", equalTo(2))
                .body("errors[0].message", containsString(domain));

        // a person without a company is not capped, and no other rejection carries the company fields
        String noCompany = TestData.person(ORG_A_KEY, Map.of("company_domain", ""));
        as(ORG_A_KEY).body(enrollBody(sequence, noCompany, email)).post("/enrollments").then().statusCode(201)
                .body("company_domain", nullValue());
        String optedOut = TestData.person(ORG_A_KEY, Map.of("company_domain", domain, "email_opt_out", true));
        as(ORG_A_KEY).body(enrollBody(sequence, optedOut, email)).post("/enrollments").then().statusCode(400)
                .body("errors[0].code", equalTo("OPTED_OUT"))
                .body("errors[0]", not(hasKey("company_domain"))).body("errors[0]", not(hasKey("limit")))
                .body("errors[0]", not(hasKey("active_count")));

        // finishing one lets the next in
        as(ORG_A_KEY).post("/enrollments/" + first + "/unenroll").then().statusCode(200);
        await().atMost(LEDGER_PATIENCE).untilAsserted(() ->
                as(ORG_A_KEY).body(enrollBody(sequence, third, email)).post("/enrollments").then().statusCode(201)
                        .body("company_domain", equalTo(domain)));
    }

    @Test
    void eligibilityListsTheCompanyLimitWithItsFieldsOnlyWhileTheCompanyIsFull() {
        String domain = uniqueDomain();
        String sequence = TestData.sequence(ORG_A_KEY, cappedRuleset(1), 1);
        String unlimited = TestData.sequence(ORG_A_KEY, null, 1);
        String colleague = TestData.person(ORG_A_KEY, Map.of("company_domain", domain));
        String person = TestData.person(ORG_A_KEY, Map.of("company_domain", domain));
        eligibility(person, sequence).then().statusCode(200).body("eligible", equalTo(true));

        // an enrollment in a sequence without a limit counts at the company too
        String active = enroll(unlimited, colleague);
        await().atMost(LEDGER_PATIENCE).untilAsserted(() -> eligibility(person, sequence).then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("reasons.code", equalTo(List.of("COMPANY_LIMIT_REACHED")))
                .body("reasons[0].company_domain", equalTo(domain))
                .body("reasons[0].limit", equalTo(1))
                .body("reasons[0].active_count", equalTo(1))
                .body("reasons[0].message", containsString(domain)));
        // the sequence without a limit stays open; the other checks name no company
        eligibility(person, unlimited).then().statusCode(200).body("eligible", equalTo(true));
        eligibility(colleague, unlimited).then().statusCode(200)
                .body("reasons.code", equalTo(List.of("ALREADY_ENROLLED_ACTIVE")))
                .body("reasons[0]", not(hasKey("company_domain"))).body("reasons[0]", not(hasKey("limit")));

        as(ORG_A_KEY).post("/enrollments/" + active + "/pause").then().statusCode(200);
        eligibility(person, sequence).then().body("eligible", equalTo(false)); // a paused enrollment still counts
        as(ORG_A_KEY).post("/enrollments/" + active + "/unenroll").then().statusCode(200);
        await().atMost(LEDGER_PATIENCE).untilAsserted(() -> eligibility(person, sequence).then().statusCode(200)
                .body("eligible", equalTo(true)));
    }

    @Test
    void aCompanysEnrollmentsArePagedByStatusWithTheLedgersCount() {
        String domain = uniqueDomain();
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(enroll(sequence, TestData.person(ORG_A_KEY, Map.of("company_domain", "www." + domain))));
        }
        String elsewhere = enroll(sequence, TestData.person(ORG_A_KEY, Map.of("company_domain", uniqueDomain())));
        as(ORG_A_KEY).post("/enrollments/" + ids.get(0) + "/pause").then().statusCode(200);
        as(ORG_A_KEY).post("/enrollments/" + ids.get(1) + "/unenroll").then().statusCode(200);

        String path = "/companies/WWW." + domain.toUpperCase() + "/enrollments";
        await().atMost(LEDGER_PATIENCE).untilAsserted(() -> {
            assertThat(walk(path, "status=CANCELED", 2)).containsExactly(ids.get(1));
            as(ORG_A_KEY).get(path).then().statusCode(200)
                    .body("company.domain", equalTo(domain))
                    .body("company.active_count", equalTo(4))
                    .body("company.reserved_count", equalTo(0));
        });
        assertThat(walk(path, "", 2)).isSorted().containsExactlyInAnyOrderElementsOf(ids).doesNotContain(elsewhere);
        assertThat(walk(path, "status=PAUSED", 1)).containsExactly(ids.get(0));
        assertThat(walk(path, "status=in_progress", 3)).isSorted()
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(3), ids.get(4));
        assertThat(walk(path, "status=FINISHED", 3)).containsExactly(ids.get(1));
        as(ORG_A_KEY).get(path + "?limit=2").then().statusCode(200)
                .body("data.size()", equalTo(2)).body("next_cursor", equalTo(sorted(ids).get(1)))
                .body("data[0].company_domain", equalTo(domain));

        // another organization, or a company without enrollments: an empty page and zero counts
        as(ORG_B_KEY).get(path).then().statusCode(200).body("data.size()", equalTo(0))
                .body("next_cursor", nullValue()).body("company.active_count", equalTo(0));
        as(ORG_A_KEY).get("/companies/" + uniqueDomain() + "/enrollments").then().statusCode(200)
                .body("data.size()", equalTo(0)).body("company.active_count", equalTo(0))
                .body("company.reserved_count", equalTo(0));
    }

    @Test
    void badCompanyListRequestsAre400sNamingTheParameter() {
        for (String bad : List.of("localhost", "not a domain", "-")) {
            as(ORG_A_KEY).get("/companies/" + bad + "/enrollments").then().statusCode(400)
                    .body("errors[0].code", equalTo("invalid_domain"))
                    .body("errors[0].path", equalTo(List.of("company_domain")));
        }
        as(ORG_A_KEY).get("/companies/example.com/enrollments?status=SOMETIMES").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_status")).body("errors[0].path", equalTo(List.of("status")));
        as(ORG_A_KEY).get("/companies/example.com/enrollments?limit=0").then().statusCode(400)
                .body("errors[0].code", equalTo("out_of_range")).body("errors[0].path", equalTo(List.of("limit")));
    }

    @Test
    void anEnrollmentOfAPersonWithoutACompanyIsListedUnderTheDomainThePersonGetsLater() {
        String domain = uniqueDomain();
        String sequence = TestData.sequence(ORG_A_KEY, null, 1);
        String person = TestData.person(ORG_A_KEY, Map.of("company_domain", ""));
        String id = enroll(sequence, person);
        as(ORG_A_KEY).body(Map.of("email", "later-" + person.substring(0, 8) + "@" + domain, "company_domain", domain))
                .put("/people/" + person).then().statusCode(200);
        // the index reads the person's domain when the enrollment next changes
        as(ORG_A_KEY).post("/enrollments/" + id + "/pause").then().statusCode(200).body("company_domain", nullValue());
        await().atMost(LEDGER_PATIENCE).untilAsserted(() ->
                assertThat(walk("/companies/" + domain + "/enrollments", "status=PAUSED", 10)).containsExactly(id));
        // it was enrolled without a domain, so the ledger does not count it
        as(ORG_A_KEY).get("/companies/" + domain + "/enrollments").then().body("company.active_count", equalTo(0));
    }

    @Test
    void aColleaguesReplyShowsWhoRepliedInWhichEnrollment() {
        String domain = uniqueDomain();
        String mailbox = "m-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_C_KEY, mailbox);
        String sequence = TestData.sequence(ORG_C_KEY, null, 2);
        String replier = TestData.person(ORG_C_KEY, Map.of("company_domain", domain));
        String replied = enroll(ORG_C_KEY, sequence, replier, mailbox);
        String stopped = enroll(ORG_C_KEY, sequence, TestData.person(ORG_C_KEY, Map.of("company_domain", domain)), mailbox);
        as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS, "stop_company_on_reply", "ANY_REPLY")).put("/settings")
                .then().statusCode(200);
        try {
            as(ORG_C_KEY).body(Map.of("classification", "NEUTRAL", "received_at", Instant.now().minusSeconds(5).toString()))
                    .post("/enrollments/" + replied + "/replies").then().statusCode(200)
                    .body("finish_reason", equalTo("REPLIED")).body("colleague_reply", nullValue());
            await().atMost(LEDGER_PATIENCE).untilAsserted(() -> as(ORG_C_KEY).get("/enrollments/" + stopped).then()
                    .statusCode(200)
                    .body("finish_reason", equalTo("COLLEAGUE_REPLIED"))
                    .body("display_status", equalTo("CANCELED"))
                    .body("company_domain", equalTo(domain))
                    .body("colleague_reply", equalTo(Map.of("person_id", replier, "enrollment_id", replied,
                            "classification", "NEUTRAL"))));
            assertThat(walk(ORG_C_KEY, "/companies/" + domain + "/enrollments", "status=FINISHED", 5))
                    .containsExactlyInAnyOrder(replied, stopped);
        } finally {
            as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS)).put("/settings").then().statusCode(200);
        }
    }

    private static String uniqueDomain() {
        return "co-" + TestData.id().substring(0, 8) + ".test";
    }

    /** A ruleset of its own with the limit (the org's default ruleset is left alone: other tests use it). */
    private static String cappedRuleset(int limit) {
        String id = "cap-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("max_active_enrollments_per_company", limit)).put("/rulesets/" + id).then().statusCode(200);
        return id;
    }

    private String enroll(String sequence, String person) {
        return enroll(ORG_A_KEY, sequence, person, email);
    }

    private static String enroll(String apiKey, String sequence, String person, String mailbox) {
        return as(apiKey).body(enrollBody(sequence, person, mailbox)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }

    private static io.restassured.response.Response eligibility(String person, String sequence) {
        return as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + person + "/eligibility");
    }

    private static List<String> walk(String path, String query, int limit) {
        return walk(ORG_A_KEY, path, query, limit);
    }

    /** Every id of a company's list, page by page. */
    private static List<String> walk(String apiKey, String path, String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + "?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = as(apiKey).get(url).then().statusCode(200).extract().path("");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
            assertThat(data).hasSizeLessThanOrEqualTo(limit);
            data.forEach(e -> ids.add((String) e.get("id")));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
