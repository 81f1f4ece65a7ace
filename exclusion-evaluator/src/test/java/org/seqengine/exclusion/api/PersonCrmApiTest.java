package org.seqengine.exclusion.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;

/** GET /people/{id}/crm through HTTP and the real broker: the records held, organization scoping, 404 after an erase. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class PersonCrmApiTest {

    private static final String ORG_A_KEY = "key-a-123";
    private static final String ORG_B_KEY = "key-b-456";

    @Test
    void answersThePersonsCrmRecordsToItsOrganizationOnlyAndNothingOnceErased() throws Exception {
        String person = UUID.randomUUID().toString();
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("title", null);
        cleared.put("phone", "+49 30 1234");
        as(ORG_A_KEY).body(Map.of("changes", List.of(
                Map.of("crm", "salesforce", "object", "person", "id", "003A1", "person_id", person,
                        "fields", Map.of("lifecycle_stage", "customer", "title", "Quokka keeper"),
                        "changed_at", "2026-11-24T10:00:00Z"),
                Map.of("crm", "hubspot", "object", "person", "id", "c-9", "person_id", person,
                        "fields", cleared, "changed_at", "2026-11-25T10:00:00Z"))))
                .post("/crm-changes").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/people/" + person + "/crm").then().statusCode(200)
                        .body("person_id", equalTo(person))
                        .body("records.crm", equalTo(List.of("hubspot", "salesforce")))
                        .body("records[0].object_id", equalTo("c-9"))
                        .body("records[0].fields.phone", equalTo("+49 30 1234"))
                        .body("records[0].fields.containsKey('title')", equalTo(true))
                        .body("records[0].fields.title", nullValue())
                        .body("records[0].changed_at", equalTo("2026-11-25T10:00:00Z"))
                        .body("records[1].object_id", equalTo("003A1"))
                        .body("records[1].fields", equalTo(Map.of("lifecycle_stage", "customer", "title", "Quokka keeper")))
                        .body("records[1].changed_at", equalTo("2026-11-24T10:00:00Z")));

        // another organization's key sees nothing of org-a's person
        as(ORG_B_KEY).get("/people/" + person + "/crm").then().statusCode(404).body("status", equalTo("not_found"));

        // the erase's tombstone on crm.people-changes.v1 (key org/person_id) removes them
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TopicReader.clientProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CRM_PEOPLE_CHANGES.name(), Keys.of("org-a", person), null)).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/people/" + person + "/crm").then().statusCode(404));
    }

    @Test
    void anUnknownPersonIs404AndABadIdOrNoKeyIsRefused() {
        as(ORG_A_KEY).get("/people/" + UUID.randomUUID() + "/crm").then().statusCode(404)
                .contentType(ContentType.JSON);
        as(ORG_A_KEY).get("/people/not-a-uuid/crm").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_uuid"));
        as("not-a-key").get("/people/" + UUID.randomUUID() + "/crm").then().statusCode(401);
    }

    private static RequestSpecification as(String key) {
        return given().basePath("/sequences/v1").header("x-api-key", key).contentType(ContentType.JSON);
    }
}
