package org.seqengine.exclusion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CrmChangeRecord;

/** POST /crm-changes through HTTP and the real broker: what lands on which topic, and what never does. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class CrmChangesApiTest {

    private static final String ORG_A_KEY = "key-a-123";
    private static final String ORG_B_KEY = "key-b-456";

    @Test
    void anAcceptedBatchLandsOnTheThreeTopicsWithTheirKeysCommittedTogether() {
        String person = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> personFields = new HashMap<>(Map.of("lifecycle_stage", "customer", "score", 42, "vip", true));
        personFields.put("old_stage", null);
        List<Map<String, Object>> changes = List.of(
                Map.of("crm", "salesforce", "object", "person", "id", "003-" + marker, "person_id", person,
                        "fields", personFields, "changed_at", "2026-11-24T10:00:00Z"),
                Map.of("crm", "hubspot", "object", "company", "id", "c-" + marker,
                        "domain", "https://www.Example-" + marker + ".com/about",
                        "fields", Map.of("industry", "competitor"), "changed_at", "2026-11-24T10:00:01Z"),
                Map.of("crm", "salesforce", "object", "opportunity", "id", "006-" + marker, "domain", "example-" + marker + ".com",
                        "fields", Map.of("stage", "open", "amount", 5000), "deleted", true, "changed_at", "2026-11-24T10:00:02Z"));

        as(ORG_A_KEY).body(Map.of("changes", changes)).post("/crm-changes")
                .then().statusCode(202).body("accepted", equalTo(3));

        // read_committed: each record is visible only because the batch's transaction committed
        ConsumerRecord<String, CrmChangeRecord> personChange = awaitChange(Topics.CRM_PEOPLE_CHANGES, "003-" + marker);
        assertThat(personChange.key()).isEqualTo("org-a/" + person);
        CrmChangeRecord p = personChange.value();
        assertThat(p.getOrgId()).isEqualTo("org-a");
        assertThat(p.getCrm()).isEqualTo("salesforce");
        assertThat(p.getObjectType()).isEqualTo("person");
        assertThat(p.getPersonId()).isEqualTo(person);
        assertThat(p.getDomain()).isNull();
        Map<String, String> expectedFields = new HashMap<>(Map.of("lifecycle_stage", "customer", "score", "42", "vip", "true"));
        expectedFields.put("old_stage", null);
        assertThat(p.getFields()).containsExactlyInAnyOrderEntriesOf(expectedFields);
        assertThat(p.getDeleted()).isFalse();
        assertThat(p.getChangedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(p.getReceivedAt()).isNotNull();

        ConsumerRecord<String, CrmChangeRecord> company = awaitChange(Topics.CRM_COMPANY_CHANGES, "c-" + marker);
        assertThat(company.key()).isEqualTo("org-a/example-" + marker + ".com");
        assertThat(company.value().getDomain()).isEqualTo("example-" + marker + ".com");
        assertThat(company.value().getCrm()).isEqualTo("hubspot");
        assertThat(company.value().getFields()).containsExactlyEntriesOf(Map.of("industry", "competitor"));

        ConsumerRecord<String, CrmChangeRecord> opportunity = awaitChange(Topics.CRM_OPPORTUNITY_CHANGES, "006-" + marker);
        assertThat(opportunity.key()).isEqualTo("org-a/example-" + marker + ".com");
        assertThat(opportunity.value().getObjectType()).isEqualTo("opportunity");
        assertThat(opportunity.value().getFields()).containsExactlyInAnyOrderEntriesOf(Map.of("stage", "open", "amount", "5000"));
        assertThat(opportunity.value().getDeleted()).isTrue();
        assertThat(opportunity.value().getReceivedAt()).isEqualTo(p.getReceivedAt());
    }

    @Test
    void aBatchWithBadItemsNamesEachByIndexAndPublishesNothing() {
        String person = UUID.randomUUID().toString();
        String rejected = "rejected-" + UUID.randomUUID();
        List<Map<String, Object>> changes = List.of(
                Map.of("crm", "salesforce", "object", "person", "id", rejected, "person_id", person),
                Map.of("crm", "salesforce", "object", "person", "id", "no-person-id"),
                Map.of("crm", "hubspot", "object", "company", "id", "c-1", "domain", "not a domain"),
                Map.of("crm", "hubspot", "object", "opportunity", "id", "o-1", "domain", "example.com",
                        "fields", Map.of("nested", Map.of("a", 1))),
                Map.of("crm", "Sales Force", "object", "lead", "id", "", "domain", "example.com"),
                Map.of("crm", "salesforce", "object", "person", "id", "p-5", "person_id", "not-a-uuid"));

        List<String> errors = errors(as(ORG_A_KEY).body(Map.of("changes", changes)).post("/crm-changes")
                .then().statusCode(400).body("status", equalTo("bad_request")).extract().jsonPath().getList("errors"));
        assertThat(errors).contains(
                "[changes, 1, person_id] required",
                "[changes, 2, domain] invalid_domain",
                "[changes, 3, fields, nested] invalid_field_value",
                "[changes, 4, crm] invalid_format",
                "[changes, 4, object] invalid_enum",
                "[changes, 4, id] required",
                "[changes, 5, person_id] invalid_uuid");
        assertThat(errors).noneMatch(e -> e.startsWith("[changes, 0,"));

        // A later change of the same person (same key, same partition) arrives; the rejected batch's valid item never did.
        String later = "later-" + UUID.randomUUID();
        as(ORG_A_KEY).body(Map.of("changes", List.of(Map.of("crm", "salesforce", "object", "person", "id", later,
                "person_id", person)))).post("/crm-changes").then().statusCode(202);
        List<ConsumerRecord<String, byte[]>> seen = TopicReader.awaitRecords(Topics.CRM_PEOPLE_CHANGES.name(),
                r -> objectId(Topics.CRM_PEOPLE_CHANGES, r).equals(later));
        assertThat(seen).extracting(r -> objectId(Topics.CRM_PEOPLE_CHANGES, r)).doesNotContain(rejected);
    }

    @Test
    void aBatchHasOneToOneThousandChangesOfKnownFields() {
        Map<String, Object> change = Map.of("crm", "salesforce", "object", "person", "id", "p",
                "person_id", UUID.randomUUID().toString());
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) tooMany.add(change);

        as(ORG_A_KEY).body(Map.of("changes", tooMany)).post("/crm-changes")
                .then().statusCode(400).body("errors[0].code", equalTo("too_many_items"))
                .body("errors[0].path[0]", equalTo("changes"));
        as(ORG_A_KEY).body(Map.of("changes", List.of())).post("/crm-changes")
                .then().statusCode(400).body("errors[0].code", equalTo("too_few_items"));
        as(ORG_A_KEY).body(Map.of()).post("/crm-changes")
                .then().statusCode(400).body("errors[0].code", equalTo("required"));
        as(ORG_A_KEY).body(Map.of("changes", List.of(Map.of("crm", "x", "object", "person", "id", "p", "colour", "red"))))
                .post("/crm-changes").then().statusCode(400).body("errors[0].code", equalTo("unknown_field"));
        as(ORG_A_KEY).body(Map.of("changes", List.of(Map.of("crm", "x", "object", "person", "id", "p",
                        "person_id", UUID.randomUUID().toString(), "changed_at", "yesterday"))))
                .post("/crm-changes").then().statusCode(400).body("errors[0].code", equalTo("invalid_type"));
    }

    @Test
    void concurrentBatchesTakeTurnsAndEveryOneLands() throws Exception {
        String person = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) ids.add("concurrent-" + i + "-" + marker);
        ExecutorService clients = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String id : ids) {
                statuses.add(clients.submit(() -> as(ORG_A_KEY).body(Map.of("changes", List.of(Map.of("crm", "salesforce",
                        "object", "person", "id", id, "person_id", person)))).post("/crm-changes").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(202);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(ids).allSatisfy(id ->
                assertThat(awaitChange(Topics.CRM_PEOPLE_CHANGES, id).key()).isEqualTo("org-a/" + person));
    }

    @Test
    void withoutAValidApiKeyNothingIsAccepted() {
        Map<String, Object> body = Map.of("changes", List.of(Map.of("crm", "salesforce", "object", "person", "id", "p",
                "person_id", UUID.randomUUID().toString())));
        given().basePath("/sequences/v1").contentType(ContentType.JSON).body(body).post("/crm-changes")
                .then().statusCode(401).body("status", equalTo("unauthorized"));
        as("not-a-key").body(body).post("/crm-changes").then().statusCode(401);
    }

    @Test
    void changedAtDefaultsToNowAndTheKeysOrganizationScopesTheRecord() {
        String person = UUID.randomUUID().toString();
        String id = "default-time-" + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        as(ORG_B_KEY).body(Map.of("changes", List.of(Map.of("crm", "hubspot", "object", "person", "id", id,
                "person_id", person, "fields", Map.of("lifecycle_stage", "lead"))))).post("/crm-changes")
                .then().statusCode(202);
        Instant after = Instant.now();

        ConsumerRecord<String, CrmChangeRecord> change = awaitChange(Topics.CRM_PEOPLE_CHANGES, id);
        assertThat(change.key()).isEqualTo("org-b/" + person);
        assertThat(change.value().getOrgId()).isEqualTo("org-b");
        assertThat(change.value().getChangedAt()).isBetween(before, after);
        assertThat(change.value().getReceivedAt()).isEqualTo(change.value().getChangedAt());
    }

    @Test
    void healthMetricsAndTheApiDocumentAreServed() {
        given().get("/q/health/live").then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/sequences/v1/crm-changes"));
    }

    private static RequestSpecification as(String apiKey) {
        return given().basePath("/sequences/v1").header("x-api-key", apiKey).contentType(ContentType.JSON);
    }

    private static ConsumerRecord<String, CrmChangeRecord> awaitChange(Topic<String, CrmChangeRecord> topic, String objectId) {
        ConsumerRecord<String, byte[]> raw = TopicReader.awaitRecord(topic.name(), r -> objectId(topic, r).equals(objectId));
        CrmChangeRecord value = topic.valueSerde().deserializer().deserialize(topic.name(), raw.value());
        return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.key(), value);
    }

    private static String objectId(Topic<String, CrmChangeRecord> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), record.value()).getObjectId();
    }

    /** Each error as "path code", e.g. "[changes, 1, person_id] required". */
    private static List<String> errors(List<Map<String, Object>> errors) {
        return errors.stream().map(e -> e.get("path") + " " + e.get("code")).toList();
    }
}
