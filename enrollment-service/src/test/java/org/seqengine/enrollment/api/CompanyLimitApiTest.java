package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * {@code max_active_enrollments_per_company} through HTTP and the real broker: the limit holds under
 * concurrent enrolls of colleagues (their domain written differently), counts every sequence and paused
 * enrollments, frees a slot when an enrollment ends, and leaves other domains alone. Organization d is
 * this class's alone: one test caps its {@code default} ruleset.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class CompanyLimitApiTest {

    static final String ORG_D_KEY = "key-d-company-limit";
    private static final int LIMIT = 3;

    private String mailbox;
    private String cappedRuleset;
    /** A company domain of this test alone, normalized. */
    private String domain;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        String id = TestData.id().substring(0, 8);
        mailbox = "cap-" + id + "@seller.test";
        TestData.mailbox(ORG_D_KEY, mailbox);
        cappedRuleset = ruleset("cap-" + id, LIMIT);
        domain = "acme-" + id + ".example";
    }

    @AfterEach
    void uncapTheDefaultRuleset() {
        as(ORG_D_KEY).body(Map.of()).put("/rulesets/default").then().statusCode(200);
    }

    @Test
    void fortyConcurrentColleaguesGetExactlyThreeSlotsAndFinishingOneLetsExactlyOneMoreIn() throws Exception {
        String sequence = TestData.sequence(ORG_D_KEY, cappedRuleset, 2);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(colleague(domain, i));
        }

        List<ExtractableResponse<Response>> answers = concurrently(people.stream()
                .map(p -> (Enroll) () -> enroll(sequence, p)).toList());

        List<ExtractableResponse<Response>> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(created).as("201s").hasSize(LIMIT);
        assertThat(answers).as("every answer is a 201 or a 400").allMatch(r -> r.statusCode() == 201 || r.statusCode() == 400);
        for (ExtractableResponse<Response> r : answers) {
            if (r.statusCode() == 400) {
                assertCompanyLimitReached(r, domain, LIMIT, LIMIT);
            }
        }
        for (ExtractableResponse<Response> r : created) {
            assertThat(r.<String>path("company_domain")).isEqualTo(domain);
            assertThat(r.<String>path("status")).isEqualTo("IN_PROGRESS");
        }
        assertCompanyCount(domain, LIMIT);

        // finishing one frees one slot: of the 37 turned away, trying again at once, exactly one gets in
        String finished = created.get(0).path("id");
        as(ORG_D_KEY).post("/enrollments/" + finished + "/unenroll").then().statusCode(200)
                .body("status", equalTo("FINISHED"));
        List<String> turnedAway = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).statusCode() == 400) {
                turnedAway.add(people.get(i));
            }
        }
        List<ExtractableResponse<Response>> again = concurrently(turnedAway.stream()
                .map(p -> (Enroll) () -> enroll(sequence, p)).toList());
        assertThat(again.stream().filter(r -> r.statusCode() == 201)).as("201s after one finished").hasSize(1);
        again.stream().filter(r -> r.statusCode() != 201).forEach(r -> assertCompanyLimitReached(r, domain, LIMIT, LIMIT));
        assertCompanyCount(domain, LIMIT);
    }

    @Test
    void theCountSpansSequencesAndIncludesPausedEnrollments() {
        String capped = TestData.sequence(ORG_D_KEY, cappedRuleset, 2);
        String otherCapped = TestData.sequence(ORG_D_KEY, cappedRuleset, 1);
        String uncapped = TestData.sequence(ORG_D_KEY, ruleset("open-" + TestData.id().substring(0, 8), null), 1);

        // one in a sequence without a limit: it still counts at the company
        String free = created(enroll(uncapped, colleague(domain, 0)));
        String paused = created(enroll(capped, colleague(domain, 1)));
        as(ORG_D_KEY).post("/enrollments/" + paused + "/pause").then().statusCode(200).body("display_status", equalTo("PAUSED"));
        created(enroll(otherCapped, colleague(domain, 2)));

        assertCompanyLimitReached(enroll(capped, colleague(domain, 3)), domain, LIMIT, LIMIT);
        assertCompanyLimitReached(enroll(otherCapped, colleague(domain, 4)), domain, LIMIT, LIMIT);
        // the sequence without a limit is not capped itself
        created(enroll(uncapped, colleague(domain, 5)));
        assertCompanyLimitReached(enroll(capped, colleague(domain, 6)), domain, LIMIT, 4);

        // the paused one and the free one end: two places below the limit again
        as(ORG_D_KEY).post("/enrollments/" + paused + "/unenroll").then().statusCode(200);
        as(ORG_D_KEY).post("/enrollments/" + free + "/unenroll").then().statusCode(200);
        created(enroll(capped, colleague(domain, 7)));
        assertCompanyLimitReached(enroll(otherCapped, colleague(domain, 8)), domain, LIMIT, LIMIT);
    }

    @Test
    void noLimitMeansNoCap() {
        String sequence = TestData.sequence(ORG_D_KEY, ruleset("open-" + TestData.id().substring(0, 8), null), 1);
        for (int i = 0; i < 6; i++) {
            created(enroll(sequence, colleague(domain, i)));
        }
        assertCompanyCount(domain, 6);
    }

    @Test
    void aSequenceWithoutRulesetUsesTheDefaultRulesetsLimit() {
        String sequence = TestData.sequence(ORG_D_KEY, null, 1);
        created(enroll(sequence, colleague(domain, 0)));
        created(enroll(sequence, colleague(domain, 1)));
        created(enroll(sequence, colleague(domain, 2)));
        // the default ruleset has no limit (none saved yet, or saved without one); now it is capped at 2, below the three
        // already active: they stay, nobody else gets in
        as(ORG_D_KEY).body(Map.of("max_active_enrollments_per_company", 2)).put("/rulesets/default").then().statusCode(200)
                .body("max_active_enrollments_per_company", equalTo(2));
        assertCompanyLimitReached(enroll(sequence, colleague(domain, 3)), domain, 2, 3);

        String other = "beta-" + TestData.id().substring(0, 8) + ".example";
        created(enroll(sequence, colleague(other, 0)));
        created(enroll(sequence, colleague(other, 1)));
        assertCompanyLimitReached(enroll(sequence, colleague(other, 2)), other, 2, 2);
    }

    @Test
    void peopleAtOtherDomainsOrWithoutOneAreUnaffected() {
        String sequence = TestData.sequence(ORG_D_KEY, cappedRuleset, 1);
        for (int i = 0; i < LIMIT; i++) {
            created(enroll(sequence, colleague(domain, i)));
        }
        assertCompanyLimitReached(enroll(sequence, colleague(domain, LIMIT)), domain, LIMIT, LIMIT);

        // a sub-domain is another company; so is the same name under another top-level domain
        String sub = "eu." + domain;
        String otherTld = domain.replace(".example", ".test");
        for (String neighbour : List.of(sub, otherTld)) {
            for (int i = 0; i < LIMIT; i++) {
                String id = created(enroll(sequence, colleague(neighbour, i)));
                as(ORG_D_KEY).get("/enrollments/" + id).then().body("company_domain", equalTo(neighbour));
            }
        }
        // without a company domain (none, or not a domain) nobody is counted or capped
        for (Object none : java.util.Arrays.asList(null, "", "localhost", "not a domain")) {
            Map<String, Object> overrides = new HashMap<>();
            overrides.put("company_domain", none);
            String id = created(enroll(sequence, TestData.person(ORG_D_KEY, overrides)));
            as(ORG_D_KEY).get("/enrollments/" + id).then().body("company_domain", nullValue());
        }
        assertCompanyCount(domain, LIMIT);
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface Enroll {
        ExtractableResponse<Response> call();
    }

    /** All calls at once (released together by a latch), answers in the order of the calls. */
    private static List<ExtractableResponse<Response>> concurrently(List<Enroll> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
            for (Enroll call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private ExtractableResponse<Response> enroll(String sequence, String person) {
        return as(ORG_D_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments").then().extract();
    }

    private static String created(ExtractableResponse<Response> r) {
        assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(201);
        return r.path("id");
    }

    /** A 400 whose error names the company, the limit and the count it found. */
    private static void assertCompanyLimitReached(ExtractableResponse<Response> r, String domain, int limit, int activeCount) {
        assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(400);
        assertThat(r.<String>path("errors[0].code")).isEqualTo("COMPANY_LIMIT_REACHED");
        assertThat(r.<String>path("errors[0].company_domain")).isEqualTo(domain);
        assertThat(r.<Integer>path("errors[0].limit")).isEqualTo(limit);
        assertThat(r.<Integer>path("errors[0].active_count")).isEqualTo(activeCount);
        assertThat(r.<String>path("errors[0].message")).contains(domain);
    }

    /**
     * The company's view: this many active, nothing left reserved. The ledger counts an enrollment active when the
     * decider's ACTIVATED entry reaches it, a moment after the 201: hence the wait.
     */
    private static void assertCompanyCount(String domain, int active) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_D_KEY).get("/companies/" + domain + "/enrollments").then().statusCode(200)
                        .body("company.domain", equalTo(domain))
                        .body("company.active_count", equalTo(active))
                        .body("company.reserved_count", equalTo(0)));
    }

    /** A person at {@code domain}, written one of several ways a CRM holds it. */
    private static String colleague(String domain, int i) {
        String written = switch (i % 4) {
            case 0 -> "https://www." + domain.toUpperCase() + "/x";
            case 1 -> domain;
            case 2 -> "WWW." + domain + ".";
            default -> "http://" + domain + ":443/about?x=1";
        };
        return TestData.person(ORG_D_KEY, Map.of("company_domain", written,
                "email", "c" + i + "-" + TestData.id().substring(0, 8) + "@" + domain));
    }

    private static String ruleset(String id, Integer limit) {
        Map<String, Object> body = new HashMap<>();
        body.put("max_active_enrollments_per_company", limit);
        as(ORG_D_KEY).body(body).put("/rulesets/" + id).then().statusCode(200);
        return id;
    }
}
