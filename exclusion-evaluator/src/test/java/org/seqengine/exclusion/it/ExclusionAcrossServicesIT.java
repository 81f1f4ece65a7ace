package org.seqengine.exclusion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.exclusion.it.Calls.PATIENCE;
import static org.seqengine.exclusion.it.Calls.cluster;
import static org.seqengine.exclusion.it.Calls.crmChanges;
import static org.seqengine.exclusion.it.Calls.companyChange;
import static org.seqengine.exclusion.it.Calls.enroll;
import static org.seqengine.exclusion.it.Calls.enrollBody;
import static org.seqengine.exclusion.it.Calls.excludedEnrollments;
import static org.seqengine.exclusion.it.Calls.excludedPeople;
import static org.seqengine.exclusion.it.Calls.mailbox;
import static org.seqengine.exclusion.it.Calls.marker;
import static org.seqengine.exclusion.it.Calls.person;
import static org.seqengine.exclusion.it.Calls.personChange;
import static org.seqengine.exclusion.it.Calls.putRule;
import static org.seqengine.exclusion.it.Calls.ruleBody;
import static org.seqengine.exclusion.it.Calls.sequence;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * exclusion-evaluator and enrollment-service together, as deployed (packaged, one broker): a CRM
 * change over the evaluator's HTTP API stops an active enrollment on enrollment-service; with
 * remove-from-active off only new enrollment is refused; what-if (asked of either evaluator
 * instance, each holding part of the domains) says exactly what applying the rule then does.
 * Each test has its own people, domains, sequences and a CRM field of its own, so the rules of one
 * never match the people of another.
 */
class ExclusionAcrossServicesIT {

    @BeforeAll
    static void services() {
        CrossServiceCluster.get();
    }

    @Test
    void aCrmChangeOverHttpExcludesAnActivePersonNamingTheRule() {
        String m = marker();
        String sender = mailbox(m);
        String sequence = sequence(m);
        String person = person(m + "-a.example");
        String rule = "customers-" + m;
        putRule(rule, "PERSON", true, Map.of("field", "person.stage_" + m, "op", "equals", "value", "customer"));
        String enrollment = enroll(sequence, person, sender);

        crmChanges(0, personChange(person, "stage_" + m, "customer"));

        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/enrollments/" + enrollment)
                .then().statusCode(200).body("display_status", equalTo("EXCLUDED")));
        cluster().enrollment().get("/enrollments/" + enrollment).then()
                .body("status", equalTo("FINISHED"))
                .body("finish_reason", equalTo("EXCLUDED"))
                .body("is_excluded", equalTo(true))
                .body("updated_by", equalTo("exclusion-evaluator"))
                .body("excluded_by.rule_id", equalTo(List.of(rule)))
                .body("excluded_by[0].level", equalTo("PERSON"))
                .body("excluded_by[0].evidence[0].field", equalTo("person.stage_" + m))
                // the Exclude command (append-only log) carries no value of a person field: the rule's value does
                .body("excluded_by[0].evidence[0].actual", nullValue())
                .body("excluded_by[0].evidence[0].expected", equalTo("customer"))
                .body("excluded_by[0].evidence[0].crm", equalTo("salesforce"));
    }

    @Test
    void withRemoveFromActiveOffTheEnrollmentContinuesAndOnlyNewEnrollmentIsRefused() {
        String m = marker();
        String sender = mailbox(m);
        String sequence = sequence(m);
        String domain = m + "-b.example";
        String enrolled = person(domain);
        String newcomer = person(domain);
        String rule = "churned-" + m;
        Map<String, Object> filter = Map.of("field", "person.stage_" + m, "op", "equals", "value", "churned");
        putRule(rule, "PERSON", false, filter);
        String enrollment = enroll(sequence, enrolled, sender);

        crmChanges(1, personChange(enrolled, "stage_" + m, "churned"), personChange(newcomer, "stage_" + m, "churned"));

        // enrollment-service has both matches (its eligibility names the rule for each person) ...
        for (String person : List.of(enrolled, newcomer)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(cluster().enrollment()
                    .queryParam("sequence_id", sequence).get("/people/" + person + "/eligibility")
                    .then().statusCode(200).extract().<List<String>>path("reasons.findAll { it.code == 'EXCLUDED' }.rule_id"))
                    .contains(rule));
        }
        // ... and the evaluator knows the active enrollment: with remove-from-active on, it would stop it
        await().atMost(PATIENCE).untilAsserted(() -> cluster().evaluator(0)
                .body(ruleBody("PERSON", true, filter)).post("/exclusion-rules/" + rule + "/what-if")
                .then().statusCode(200).body("active_enrollments_removed", equalTo(1))
                .body("by_sequence", equalTo(List.of(Map.of("sequence_id", sequence, "removed", 1)))));

        // No Exclude was sent (it would have been committed with the person's match), the enrollment goes on
        assertThat(excludedPeople()).doesNotContain(enrolled, newcomer);
        cluster().enrollment().get("/enrollments/" + enrollment).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("is_excluded", equalTo(false));
        // only new enrollment is refused
        cluster().enrollment().body(enrollBody(sequence, newcomer, sender)).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("EXCLUDED"))
                .body("errors.find { it.code == 'EXCLUDED' }.rule_id", equalTo(rule));
    }

    @Test
    void whatIfSaysExactlyWhatApplyingTheRuleThenDoes() {
        String m = marker();
        String sender = mailbox(m);
        String first = sequence(m);
        String second = sequence(m);
        // three domains: a competitor company (three people, two enrolled), a colleague who lost a
        // deal (two people, both enrolled; COMPANY level takes the colleague too), and a bystander
        String competitor = m + "-c1.example";
        String lost = m + "-c2.example";
        String bystander = m + "-c3.example";
        Map<String, String> enrollmentOf = new LinkedHashMap<>();
        Map<String, String> sequenceOf = new HashMap<>();
        String p1 = person(competitor);
        String p2 = person(competitor);
        String p3 = person(competitor);
        String p4 = person(lost);
        String p5 = person(lost);
        String p6 = person(bystander);
        for (var e : Map.of(p1, first, p2, second, p4, first, p5, first, p6, first).entrySet()) {
            enrollmentOf.put(e.getKey(), enroll(e.getValue(), e.getKey(), sender));
            sequenceOf.put(enrollmentOf.get(e.getKey()), e.getValue());
        }
        crmChanges(0, companyChange(competitor, "industry_" + m, "competitor"), personChange(p4, "stage_" + m, "lost"),
                personChange(p6, "stage_" + m, "customer"));
        String rule = "competitors-" + m;
        Map<String, Object> filter = Map.of("any", List.of(
                Map.of("field", "company.industry_" + m, "op", "equals", "value", "competitor"),
                Map.of("field", "person.stage_" + m, "op", "equals", "value", "lost")));
        Map<String, Object> body = ruleBody("COMPANY", true, filter);

        // what-if, once the evaluators have every person, enrollment and CRM record: the same from either instance
        List<JsonPath> answers = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            answers.clear();
            for (int i = 0; i < 2; i++) {
                answers.add(cluster().evaluator(i).body(body).post("/exclusion-rules/" + rule + "/what-if")
                        .then().statusCode(200).extract().jsonPath());
            }
            assertThat(answers.get(0).getInt("newly_matching_people")).isEqualTo(5);
            assertThat(answers.get(0).getInt("active_enrollments_removed")).isEqualTo(4);
            assertThat(answers.get(1).prettify()).isEqualTo(answers.get(0).prettify());
        });
        JsonPath whatIf = answers.get(0);
        assertThat(whatIf.getList("sample_person_ids", String.class)).containsExactlyElementsOf(
                List.of(p1, p2, p3, p4, p5).stream().sorted().toList());
        assertThat(whatIf.getInt("no_longer_matching_people")).isZero();
        Map<String, Integer> predicted = new TreeMap<>();
        for (Map<String, Object> s : whatIf.<Map<String, Object>>getList("by_sequence")) {
            predicted.put((String) s.get("sequence_id"), (Integer) s.get("removed"));
        }
        assertThat(predicted).containsExactlyInAnyOrderEntriesOf(Map.of(first, 3, second, 1));
        // what-if changed nothing
        for (String enrollment : enrollmentOf.values()) {
            cluster().enrollment().get("/enrollments/" + enrollment).then().body("is_excluded", equalTo(false));
        }

        putRule(rule, "COMPANY", true, filter);

        int removed = whatIf.getInt("active_enrollments_removed");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(excludedEnrollments(enrollmentOf.values())).hasSize(removed));
        Set<String> excluded = excludedEnrollments(enrollmentOf.values());
        Map<String, Integer> happened = excluded.stream()
                .collect(Collectors.groupingBy(sequenceOf::get, TreeMap::new, Collectors.summingInt(e -> 1)));
        assertThat(happened).isEqualTo(predicted);
        // exactly those: the evaluator commanded no one else (the bystander's result is out, as every other)
        await().atMost(PATIENCE).untilAsserted(() -> cluster().evaluator(1).body(body)
                .post("/exclusion-rules/" + rule + "/what-if").then().statusCode(200)
                .body("newly_matching_people", equalTo(0)).body("active_enrollments_removed", equalTo(0)));
        assertThat(excludedPeople()).filteredOn(List.of(p1, p2, p3, p4, p5, p6)::contains)
                .containsExactlyInAnyOrder(p1, p2, p4, p5);
        cluster().enrollment().get("/enrollments/" + enrollmentOf.get(p6)).then().body("status", equalTo("IN_PROGRESS"));
    }
}
