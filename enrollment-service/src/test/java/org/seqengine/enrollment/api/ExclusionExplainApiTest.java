package org.seqengine.enrollment.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.reference.ExclusionEvidence;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionEvidenceRecord;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/**
 * Why a person is excluded: the explain endpoint over {@code exclusion-matches.v1} (seeded here as
 * the exclusion-evaluator would publish it), and an Excluded enrollment showing its rules and evidence.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ExclusionExplainApiTest {

    private static final Instant SINCE = Instant.parse("2026-11-24T10:00:00Z");

    private String orgRule;
    private String sequenceRule;
    private String sequence;
    private String person;
    private String enrollment;

    /**
     * Rule "Competitors" (org toggle on, removes from active) and rule "Customers" (enabled by the
     * sequence's ruleset, does not remove); the person is enrolled in the sequence.
     */
    @BeforeEach
    void anEnrolledPersonAndTwoRules() {
        TestData.awaitReady();
        orgRule = "competitors-" + TestData.id().substring(0, 8);
        sequenceRule = "customers-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("name", "Competitors", "level", "COMPANY", "exclude_from_sequences", true,
                "remove_from_active_sequences", true)).put("/exclusion-rules/" + orgRule).then().statusCode(200);
        as(ORG_A_KEY).body(Map.of("name", "Customers", "level", "PERSON", "exclude_from_sequences", false,
                "remove_from_active_sequences", false)).put("/exclusion-rules/" + sequenceRule).then().statusCode(200);
        String ruleset = "rs-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("exclusion_rule_ids", List.of(sequenceRule))).put("/rulesets/" + ruleset)
                .then().statusCode(200);
        sequence = TestData.sequence(ORG_A_KEY, ruleset, 2);
        person = TestData.person(ORG_A_KEY);
        String mailbox = "x-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        enrollment = as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(201).extract().path("id");
    }

    private void publishMatches() {
        ExclusionEvidenceRecord industry = new ExclusionEvidenceRecord("company.industry", "equals", "competitor",
                "Competitor", "hubspot", "company", "c-9", null);
        ExclusionEvidenceRecord stage = new ExclusionEvidenceRecord("person.lifecycle_stage", "equals", "customer",
                "customer", "salesforce", "person", "003A1", person);
        TopicClient.publish(Topics.EXCLUSION_MATCHES, Keys.of("org-a", person), ExclusionMatchesRecord.newBuilder()
                .setOrgId("org-a").setPersonId(person).setEvaluatedAt(SINCE.plusSeconds(5))
                .setMatches(List.of(new ExclusionMatchRecord(orgRule, "COMPANY", SINCE, List.of(industry)),
                        new ExclusionMatchRecord(sequenceRule, "PERSON", SINCE.plusSeconds(1), List.of(stage))))
                .build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/people/" + person + "/exclusions")
                .then().statusCode(200).body("matches", hasSize(2)));
    }

    @Test
    void listsEveryMatchingRuleWithLevelEvidenceSinceWhenAndToggles() {
        as(ORG_A_KEY).get("/people/" + person + "/exclusions").then().statusCode(200)
                .body("person_id", equalTo(person)).body("matches", empty()).body("evaluated_at", nullValue());
        publishMatches();

        as(ORG_A_KEY).get("/people/" + person + "/exclusions").then().statusCode(200)
                .body("evaluated_at", equalTo("2026-11-24T10:00:05Z"))
                .body("sequence_id", nullValue())
                .body("matches[0].rule_id", equalTo(orgRule))
                .body("matches[0].rule_name", equalTo("Competitors"))
                .body("matches[0].level", equalTo("COMPANY"))
                .body("matches[0].matched_since", equalTo("2026-11-24T10:00:00Z"))
                .body("matches[0].exclude_from_sequences", equalTo(true))
                .body("matches[0].remove_from_active_sequences", equalTo(true))
                .body("matches[0].evidence[0].field", equalTo("company.industry"))
                .body("matches[0].evidence[0].op", equalTo("equals"))
                .body("matches[0].evidence[0].expected", equalTo("competitor"))
                .body("matches[0].evidence[0].actual", equalTo("Competitor"))
                .body("matches[0].evidence[0].crm", equalTo("hubspot"))
                .body("matches[0].evidence[0].object_type", equalTo("company"))
                .body("matches[0].evidence[0].object_id", equalTo("c-9"))
                .body("matches[0].applies_to_sequence", nullValue())
                .body("matches[1].rule_name", equalTo("Customers"))
                .body("matches[1].evidence[0].person_id", equalTo(person));
    }

    @Test
    void forASequenceSaysWhichRulesApplyByWhichSettingAndWhetherTheyRemoveTheEnrollment() {
        publishMatches();
        as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + person + "/exclusions").then().statusCode(200)
                .body("sequence_id", equalTo(sequence))
                .body("active_enrollment_id", equalTo(enrollment))
                .body("matches[0].applies_to_sequence", equalTo(true))
                .body("matches[0].enforcement", equalTo("ORGANIZATION"))
                .body("matches[0].removes_active_enrollment", equalTo(true))
                .body("matches[1].applies_to_sequence", equalTo(true))
                .body("matches[1].enforcement", equalTo("SEQUENCE"))
                .body("matches[1].removes_active_enrollment", equalTo(false));

        String other = TestData.sequence(ORG_A_KEY, null, 1); // default ruleset: only the org toggle applies
        as(ORG_A_KEY).queryParam("sequence_id", other).get("/people/" + person + "/exclusions").then().statusCode(200)
                .body("active_enrollment_id", nullValue())
                .body("matches[0].enforcement", equalTo("ORGANIZATION"))
                .body("matches[0].removes_active_enrollment", equalTo(false))
                .body("matches[1].applies_to_sequence", equalTo(false))
                .body("matches[1].enforcement", nullValue());
    }

    @Test
    void unknownPeopleSequencesAndOtherOrganizationsAre404() {
        as(ORG_A_KEY).get("/people/" + TestData.id() + "/exclusions").then().statusCode(404);
        as(ORG_A_KEY).get("/people/not-a-uuid/exclusions").then().statusCode(404);
        as(ORG_A_KEY).queryParam("sequence_id", TestData.id()).get("/people/" + person + "/exclusions")
                .then().statusCode(404).body("message", equalTo("Sequence not found."));
        as(ORG_B_KEY).get("/people/" + person + "/exclusions").then().statusCode(404);
        as(ORG_A_KEY).queryParam("sequence_id", "nope").get("/people/" + person + "/exclusions")
                .then().statusCode(400).body("errors[0].path", equalTo(List.of("sequence_id")));
    }

    @Test
    void anExcludedEnrollmentShowsTheRulesLevelsAndEvidenceThatEndedIt() {
        ExclusionMatch match = new ExclusionMatch(orgRule, MatchLevel.COMPANY, SINCE, List.of(new ExclusionEvidence(
                "company.industry", "equals", "competitor", "Competitor", "hubspot", "company", "c-9", null)));
        TopicClient.send(new EnrollmentCommand.Exclude(
                new CommandMeta(TestData.id(), "org-a", person, Instant.now(), "exclusion-evaluator", null), List.of(match)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + enrollment)
                .then().statusCode(200).body("display_status", equalTo("EXCLUDED")));
        as(ORG_A_KEY).get("/enrollments/" + enrollment).then()
                .body("is_excluded", equalTo(true))
                .body("finish_reason", equalTo("EXCLUDED"))
                .body("excluded_by", hasSize(1))
                .body("excluded_by[0].rule_id", equalTo(orgRule))
                .body("excluded_by[0].level", equalTo("COMPANY"))
                .body("excluded_by[0].matched_since", equalTo("2026-11-24T10:00:00Z"))
                .body("excluded_by[0].evidence[0].field", equalTo("company.industry"))
                .body("excluded_by[0].evidence[0].actual", equalTo("Competitor"))
                .body("excluded_by[0].evidence[0].crm", equalTo("hubspot"))
                .body("excluded_by[0].evidence[0].object_id", equalTo("c-9"));
    }

    @Test
    void aMailboxOwnerChangeUnenrollsAQueuedEnrollmentWithoutATargetVisibly() {
        String mailboxId = as(ORG_A_KEY).get("/enrollments/" + enrollment).then().extract().path("mailbox.id");
        TopicClient.send(new EnrollmentCommand.MailboxOwnerChanged(
                new CommandMeta(TestData.id(), "org-a", person, Instant.now(), "exclusion-evaluator", null),
                enrollment, mailboxId, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_A_KEY).get("/enrollments/" + enrollment)
                .then().statusCode(200)
                .body("finish_reason", equalTo("MAILBOX_OWNERSHIP_CHANGED"))
                .body("display_status", equalTo("CANCELED"))
                .body("excluded_by", empty()));
    }
}
