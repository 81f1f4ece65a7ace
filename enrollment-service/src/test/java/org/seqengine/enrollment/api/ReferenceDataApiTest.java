package org.seqengine.enrollment.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** What is upserted can be read back, by its own organization only. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ReferenceDataApiTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void upsertedRecordsReadBackForTheirOrganizationOnly() {
        String mailbox = TestData.id();
        as(ORG_A_KEY).body(Map.of("email", "Reader@Acme.test", "display_name", "Reader")).put("/mailboxes/" + mailbox)
                .then().statusCode(200);
        as(ORG_A_KEY).get("/mailboxes/" + mailbox).then().statusCode(200)
                .body("id", equalTo(mailbox)).body("email", equalTo("Reader@Acme.test")).body("is_paused", equalTo(false));
        as(ORG_B_KEY).get("/mailboxes/" + mailbox).then().statusCode(404);

        as(ORG_A_KEY).body(Map.of("allow_reenrollment_into_sequences", true, "reenrollment_waiting_days", 0))
                .put("/rulesets/fast-track").then().statusCode(200);
        as(ORG_A_KEY).get("/rulesets/fast-track").then().statusCode(200)
                .body("allow_reenrollment_into_sequences", equalTo(true))
                .body("allow_reenrollment_into_same_sequence", equalTo(false))
                .body("reenrollment_waiting_days", equalTo(0));

        as(ORG_A_KEY).body(Map.of("name", "Competitors", "level", "COMPANY", "exclude_from_sequences", true,
                "filter", Map.of("field", "company.industry", "op", "equals", "value", "sales-tech"))).put("/exclusion-rules/competitors")
                .then().statusCode(200);
        as(ORG_A_KEY).get("/exclusion-rules/competitors").then().statusCode(200)
                .body("level", equalTo("COMPANY")).body("filter_json", notNullValue());

        String sequence = TestData.sequence(ORG_A_KEY, "fast-track", 2);
        as(ORG_A_KEY).get("/sequences/" + sequence).then().statusCode(200)
                .body("ruleset_id", equalTo("fast-track")).body("steps.size()", equalTo(2));
        as(ORG_B_KEY).get("/sequences/" + sequence).then().statusCode(404);
    }

    @Test
    void aBadFilterIsRefusedNamingEachBadNode() {
        Map<String, Object> filter = Map.of("all", List.of(
                Map.of("field", "person.lifecycle_stage", "op", "equals", "value", "customer"),
                Map.of("field", "person.lifecycle_stage", "op", "resembles", "value", "x"),
                Map.of("any", List.of()),
                Map.of("field", "industry", "op", "in", "value", List.of())));
        as(ORG_A_KEY).body(Map.of("name", "Bad", "level", "COMPANY", "filter", filter)).put("/exclusion-rules/bad-filter")
                .then().statusCode(400).body("status", equalTo("bad_request"))
                .body("errors.code", equalTo(List.of("unknown_op", "empty_group", "unknown_field", "invalid_value")))
                .body("errors.path", equalTo(List.of(List.of("filter", "all", 1, "op"), List.of("filter", "all", 2, "any"),
                        List.of("filter", "all", 3, "field"), List.of("filter", "all", 3, "value"))))
                .body("errors[0].message", containsString("equals"));
        as(ORG_A_KEY).body(Map.of("filter", Map.of("all", List.of("x")))).put("/exclusion-rules/bad-filter")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_node"))
                .body("errors[0].path", equalTo(List.of("filter", "all", 0)));
        as(ORG_A_KEY).get("/exclusion-rules/bad-filter").then().statusCode(404);

        Map<String, Object> good = Map.of("any", List.of(Map.of("field", "company.domain", "op", "in_list", "value", "competitors"),
                Map.of("not", Map.of("field", "opportunity.closed_at", "op", "within_last_days", "value", 90))));
        as(ORG_A_KEY).body(Map.of("name", "Good", "level", "COMPANY", "filter", good)).put("/exclusion-rules/good-filter")
                .then().statusCode(200);
    }

    @Test
    void personShowsTheirOptOutAndNormalizedCompanyDomain() {
        String person = TestData.person(ORG_A_KEY, Map.of("company_domain", "https://www.Example.COM/about"));
        as(ORG_A_KEY).get("/people/" + person).then().statusCode(200)
                .body("company_domain", equalTo("example.com")).body("is_opted_out", equalTo(false));
        as(ORG_A_KEY).body(Map.of("source", "LINK")).post("/people/" + person + "/opt-out").then().statusCode(200);
        as(ORG_A_KEY).get("/people/" + person).then()
                .body("is_opted_out", equalTo(true)).body("opt_out_source", equalTo("LINK"))
                .body("opted_out_at", notNullValue());
        as(ORG_A_KEY).get("/people/" + TestData.id()).then().statusCode(404);
        as(ORG_A_KEY).get("/exclusion-rules/" + "no-such-rule").then().statusCode(404);
        as(ORG_A_KEY).body(Map.of("exclusion_rule_ids", List.of("x"), "reenrollment_waiting_days", -1))
                .put("/rulesets/bad").then().statusCode(400).body("errors[0].path[0]", equalTo("reenrollment_waiting_days"));
    }

    @Test
    void rulesetCompanyLimitIsReadBackAndNullMeansNoLimit() {
        String ruleset = "capped-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("max_active_enrollments_per_company", 3)).put("/rulesets/" + ruleset).then()
                .statusCode(200).body("max_active_enrollments_per_company", equalTo(3));
        as(ORG_A_KEY).get("/rulesets/" + ruleset).then().statusCode(200)
                .body("max_active_enrollments_per_company", equalTo(3));
        Map<String, Object> explicitNull = new HashMap<>();
        explicitNull.put("max_active_enrollments_per_company", null);
        as(ORG_A_KEY).body(explicitNull).put("/rulesets/" + ruleset).then().statusCode(200)
                .body("$", hasKey("max_active_enrollments_per_company"))
                .body("max_active_enrollments_per_company", nullValue());
        as(ORG_A_KEY).body(Map.of("max_active_enrollments_per_company", 1)).put("/rulesets/" + ruleset).then()
                .statusCode(200);
        as(ORG_A_KEY).body(Map.of()).put("/rulesets/" + ruleset).then().statusCode(200)
                .body("max_active_enrollments_per_company", nullValue());
        as(ORG_A_KEY).get("/rulesets/" + ruleset).then().statusCode(200)
                .body("max_active_enrollments_per_company", nullValue());
    }

    @Test
    void aBadRulesetCompanyLimitIsA400NamingTheField() {
        String ruleset = "capped-" + TestData.id().substring(0, 8);
        for (Object bad : List.of(0, -2)) {
            as(ORG_A_KEY).body(Map.of("max_active_enrollments_per_company", bad)).put("/rulesets/" + ruleset).then()
                    .statusCode(400).body("errors[0].code", equalTo("out_of_range"))
                    .body("errors[0].path", equalTo(List.of("max_active_enrollments_per_company")));
        }
        for (Object bad : List.of("three", List.of(3))) {
            as(ORG_A_KEY).body(Map.of("max_active_enrollments_per_company", bad)).put("/rulesets/" + ruleset).then()
                    .statusCode(400).body("errors[0].path", equalTo(List.of("max_active_enrollments_per_company")));
        }
        as(ORG_A_KEY).get("/rulesets/" + ruleset).then().statusCode(404);
    }
}
