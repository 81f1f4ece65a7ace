package org.seqengine.exclusion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.exclusion.it.CrossServiceCluster.ORG;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ExcludeCommand;

/**
 * exclusion-evaluator and enrollment-service together, as deployed (packaged, one broker): a CRM
 * change over the evaluator's HTTP API stops an active enrollment on enrollment-service; with
 * remove-from-active off only new enrollment is refused; what-if (asked of either evaluator
 * instance, each holding part of the domains) says exactly what applying the rule then does.
 * Each test has its own people, domains, sequences and a CRM field of its own, so the rules of one
 * never match the people of another.
 */
@ExtendWith(CrossServiceCluster.Start.class)
class ExclusionAcrossServicesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static CrossServiceCluster cluster;

    @BeforeAll
    static void services() {
        cluster = CrossServiceCluster.get();
    }

    @Test
    void aCrmChangeOverHttpExcludesAnActivePersonNamingTheRule() {
        String m = marker();
        String sender = mailbox(m);
        String sequence = sequence(m, null);
        String person = person(m, m + "-a.example");
        String rule = "customers-" + m;
        putRule(rule, "PERSON", true, Map.of("field", "person.stage_" + m, "op", "equals", "value", "customer"));
        String enrollment = enroll(sequence, person, sender);

        crmChanges(0, personChange(person, "stage_" + m, "customer"));

        await().atMost(PATIENCE).untilAsserted(() -> cluster.enrollment().get("/enrollments/" + enrollment)
                .then().statusCode(200).body("display_status", equalTo("EXCLUDED")));
        cluster.enrollment().get("/enrollments/" + enrollment).then()
                .body("status", equalTo("FINISHED"))
                .body("finish_reason", equalTo("EXCLUDED"))
                .body("is_excluded", equalTo(true))
                .body("updated_by", equalTo("exclusion-evaluator"));
    }

    @Test
    void withRemoveFromActiveOffTheEnrollmentContinuesAndOnlyNewEnrollmentIsRefused() {
        String m = marker();
        String sender = mailbox(m);
        String sequence = sequence(m, null);
        String domain = m + "-b.example";
        String enrolled = person(m, domain);
        String newcomer = person(m, domain);
        String rule = "churned-" + m;
        Map<String, Object> filter = Map.of("field", "person.stage_" + m, "op", "equals", "value", "churned");
        putRule(rule, "PERSON", false, filter);
        String enrollment = enroll(sequence, enrolled, sender);

        crmChanges(1, personChange(enrolled, "stage_" + m, "churned"), personChange(newcomer, "stage_" + m, "churned"));

        // enrollment-service has both matches (its eligibility names the rule for each person) ...
        for (String person : List.of(enrolled, newcomer)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(cluster.enrollment()
                    .queryParam("sequence_id", sequence).get("/people/" + person + "/eligibility")
                    .then().statusCode(200).extract().<List<String>>path("reasons.findAll { it.code == 'EXCLUDED' }.rule_id"))
                    .contains(rule));
        }
        // ... and the evaluator knows the active enrollment: with remove-from-active on, it would stop it
        await().atMost(PATIENCE).untilAsserted(() -> cluster.evaluator(0)
                .body(ruleBody("PERSON", true, filter)).post("/exclusion-rules/" + rule + "/what-if")
                .then().statusCode(200).body("active_enrollments_removed", equalTo(1))
                .body("by_sequence", equalTo(List.of(Map.of("sequence_id", sequence, "removed", 1)))));

        // No Exclude was sent (it would have been committed with the person's match), the enrollment goes on
        assertThat(excludedPeople()).doesNotContain(enrolled, newcomer);
        cluster.enrollment().get("/enrollments/" + enrollment).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("is_excluded", equalTo(false));
        // only new enrollment is refused
        cluster.enrollment().body(enrollBody(sequence, newcomer, sender)).post("/enrollments")
                .then().statusCode(400).body("errors[0].code", equalTo("EXCLUDED"))
                .body("errors.find { it.code == 'EXCLUDED' }.rule_id", equalTo(rule));
    }

    @Test
    void whatIfSaysExactlyWhatApplyingTheRuleThenDoes() {
        String m = marker();
        String sender = mailbox(m);
        String first = sequence(m, null);
        String second = sequence(m, null);
        // three domains: a competitor company (three people, two enrolled), a colleague who lost a
        // deal (two people, both enrolled; COMPANY level takes the colleague too), and a bystander
        String competitor = m + "-c1.example";
        String lost = m + "-c2.example";
        String bystander = m + "-c3.example";
        Map<String, String> enrollmentOf = new LinkedHashMap<>();
        Map<String, String> sequenceOf = new HashMap<>();
        String p1 = person(m, competitor);
        String p2 = person(m, competitor);
        String p3 = person(m, competitor);
        String p4 = person(m, lost);
        String p5 = person(m, lost);
        String p6 = person(m, bystander);
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
                answers.add(cluster.evaluator(i).body(body).post("/exclusion-rules/" + rule + "/what-if")
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
            cluster.enrollment().get("/enrollments/" + enrollment).then().body("is_excluded", equalTo(false));
        }

        putRule(rule, "COMPANY", true, filter);

        int removed = whatIf.getInt("active_enrollments_removed");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(excludedEnrollments(enrollmentOf.values())).hasSize(removed));
        Set<String> excluded = excludedEnrollments(enrollmentOf.values());
        Map<String, Integer> happened = excluded.stream()
                .collect(Collectors.groupingBy(sequenceOf::get, TreeMap::new, Collectors.summingInt(e -> 1)));
        assertThat(happened).isEqualTo(predicted);
        // exactly those: the evaluator commanded no one else (the bystander's result is out, as every other)
        await().atMost(PATIENCE).untilAsserted(() -> cluster.evaluator(1).body(body)
                .post("/exclusion-rules/" + rule + "/what-if").then().statusCode(200)
                .body("newly_matching_people", equalTo(0)).body("active_enrollments_removed", equalTo(0)));
        assertThat(excludedPeople()).filteredOn(List.of(p1, p2, p3, p4, p5, p6)::contains)
                .containsExactlyInAnyOrder(p1, p2, p4, p5);
        cluster.enrollment().get("/enrollments/" + enrollmentOf.get(p6)).then().body("status", equalTo("IN_PROGRESS"));
    }

    // ---- enrollment-service ----

    private static String mailbox(String m) {
        String email = "sender-" + m + "@acme.test";
        cluster.enrollment().body(Map.of("email", email, "display_name", "Sender", "owner_id", "owner-" + m,
                "is_paused", false, "is_unauthorized", false)).put("/mailboxes/" + UUID.randomUUID()).then().statusCode(200);
        return email;
    }

    private static String sequence(String m, String ruleset) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Seq " + m, "is_published", true, "is_paused", false,
                "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "subject", "Hi", "body", "Hello"),
                        Map.of("type", "EMAIL", "wait_days", 3, "subject", "Again", "body", "Hello again"))));
        if (ruleset != null) body.put("ruleset_id", ruleset);
        cluster.enrollment().body(body).put("/sequences/" + id).then().statusCode(200);
        return id;
    }

    private static String person(String m, String domain) {
        String id = UUID.randomUUID().toString();
        cluster.enrollment().body(Map.of("email", id.substring(0, 8) + "@" + domain, "first_name", "P",
                "company_domain", "https://www." + domain + "/", "do_not_email", false, "email_opt_out", false))
                .put("/people/" + id).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> ruleBody(String level, boolean removeFromActive, Map<String, Object> filter) {
        return Map.of("name", "Rule", "level", level, "exclude_from_sequences", true,
                "remove_from_active_sequences", removeFromActive, "filter", filter);
    }

    private static void putRule(String id, String level, boolean removeFromActive, Map<String, Object> filter) {
        cluster.enrollment().body(ruleBody(level, removeFromActive, filter)).put("/exclusion-rules/" + id)
                .then().statusCode(200);
    }

    private static Map<String, Object> enrollBody(String sequence, String person, String sender) {
        return Map.of("sequence_id", sequence, "person_id", person, "mailbox_emails", List.of(sender));
    }

    /** Enrolls, once enrollment-service's decider has the reference data (written a moment ago). */
    private static String enroll(String sequence, String person, String sender) {
        List<String> id = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> id.add(cluster.enrollment().body(enrollBody(sequence, person, sender))
                .post("/enrollments").then().statusCode(201).extract().<String>path("id")));
        return id.get(id.size() - 1);
    }

    private static Set<String> excludedEnrollments(java.util.Collection<String> enrollments) {
        return enrollments.stream().filter(e -> Boolean.TRUE.equals(cluster.enrollment().get("/enrollments/" + e)
                .then().statusCode(200).extract().<Boolean>path("is_excluded"))).collect(Collectors.toSet());
    }

    // ---- exclusion-evaluator ----

    private static void crmChanges(int instance, Map<?, ?>... changes) {
        cluster.evaluator(instance).body(Map.of("changes", List.of(changes))).post("/crm-changes")
                .then().statusCode(202).body("accepted", equalTo(changes.length));
    }

    private static Map<String, Object> personChange(String person, String field, String value) {
        return Map.of("crm", "salesforce", "object", "person", "id", "003" + person.substring(0, 8),
                "person_id", person, "fields", Map.of(field, value));
    }

    private static Map<String, Object> companyChange(String domain, String field, String value) {
        return Map.of("crm", "hubspot", "object", "company", "id", "c-" + domain, "domain", "https://www." + domain,
                "fields", Map.of(field, value));
    }

    // ---- topics ----

    /** The people of the IT organization an Exclude command was committed for, up to now. */
    private static Set<String> excludedPeople() {
        return committed(Topics.COMMANDS.name()).stream()
                .map(r -> Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(c -> c.getOrgId().equals(ORG) && c.getPayload() instanceof ExcludeCommand)
                .map(CommandEnvelope::getPersonId).collect(Collectors.toSet());
    }

    /** Every committed record of {@code topic}, from the beginning to its end now (read_committed). */
    private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        props.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return records;
        }
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
