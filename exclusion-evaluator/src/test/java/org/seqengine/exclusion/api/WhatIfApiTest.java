package org.seqengine.exclusion.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.exclusion.query.LocalWhatIf;
import org.seqengine.exclusion.query.WhatIfRequest;
import org.seqengine.exclusion.query.WhatIfService;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.PersonRecord;

/** POST /exclusion-rules/{id}/what-if through HTTP and the real broker: validation, the answer, 503 while rebalancing. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class WhatIfApiTest {

    private static final String ORG_A_KEY = "key-a-123";
    private static final String ORG_B_KEY = "key-b-456";

    @Test
    void aBadRuleBodyIsRefusedNamingEachBadNodeLikeThePutOfEnrollmentService() {
        Map<String, Object> filter = Map.of("all", List.of(
                Map.of("field", "person.lifecycle_stage", "op", "equals", "value", "customer"),
                Map.of("field", "person.lifecycle_stage", "op", "resembles", "value", "x"),
                Map.of("any", List.of())));
        as(ORG_A_KEY).body(Map.of("name", "Bad", "level", "COMPANY", "filter", filter)).post("/exclusion-rules/bad/what-if")
                .then().statusCode(400).body("status", equalTo("bad_request"))
                .body("errors.code", equalTo(List.of("unknown_op", "empty_group")))
                .body("errors.path", equalTo(List.of(List.of("filter", "all", 1, "op"), List.of("filter", "all", 2, "any"))));
        as(ORG_A_KEY).body(Map.of("level", "TEAM")).post("/exclusion-rules/r1/what-if")
                .then().statusCode(400).body("errors[0].path", equalTo(List.of("level")));
        as(ORG_A_KEY).body(Map.of("colour", "red")).post("/exclusion-rules/r1/what-if")
                .then().statusCode(400).body("errors[0].code", equalTo("unknown_field"));
        as(ORG_A_KEY).body(Map.of("level", "PERSON")).post("/exclusion-rules/not a slug/what-if")
                .then().statusCode(400).body("errors[0].code", equalTo("invalid_id"));
        as("not-a-key").body(Map.of("level", "PERSON")).post("/exclusion-rules/r1/what-if").then().statusCode(401);
    }

    @Test
    void whatIfCountsThePeopleOfTheCallersOrganizationAProposedRuleWouldMatch() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String field = "tier_" + marker;
        String person = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        putPerson("org-a", person, marker + ".example");
        putPerson("org-a", other, marker + ".example");
        as(ORG_A_KEY).body(Map.of("changes", List.of(Map.of("crm", "salesforce", "object", "person", "id", "003" + marker,
                "person_id", person, "fields", Map.of(field, "gold"))))).post("/crm-changes").then().statusCode(202);
        Map<String, Object> rule = Map.of("name", "Gold", "level", "PERSON", "exclude_from_sequences", true,
                "remove_from_active_sequences", true,
                "filter", Map.of("field", "person." + field, "op", "equals", "value", "gold"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).body(rule).post("/exclusion-rules/gold-" + marker + "/what-if").then().statusCode(200)
                        .body("newly_matching_people", equalTo(1))
                        .body("sample_person_ids", equalTo(List.of(person)))
                        .body("no_longer_matching_people", equalTo(0))
                        .body("active_enrollments_removed", equalTo(0))
                        .body("by_sequence", equalTo(List.of())));
        // COMPANY level: a colleague's match takes the whole domain
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).body(Map.of("level", "COMPANY", "filter", Map.of("field", "person." + field, "op", "equals", "value", "gold")))
                        .post("/exclusion-rules/gold-" + marker + "/what-if").then().statusCode(200)
                        .body("newly_matching_people", equalTo(2))
                        .body("sample_person_ids", equalTo(List.of(person, other).stream().sorted().toList())));
        // another organization sees none of org-a's people
        as(ORG_B_KEY).body(rule).post("/exclusion-rules/gold-" + marker + "/what-if").then().statusCode(200)
                .body("newly_matching_people", equalTo(0));
    }

    @Test
    void whileTheStoresAreNotQueryableWhatIfAnswers503WithAJsonBody() {
        QuarkusMock.installMockForType(new WhatIfService() {
            @Override
            public LocalWhatIf localShare(WhatIfRequest request) {
                throw new InvalidStateStoreException("rebalancing");
            }
        }, WhatIfService.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).body(Map.of("level", "PERSON")).post("/exclusion-rules/r1/what-if")
                        .then().statusCode(503).contentType(ContentType.JSON).body("status", equalTo("unavailable")));
    }

    private static void putPerson(String org, String id, String domain) throws Exception {
        PersonRecord record = PersonRecord.newBuilder().setOrgId(org).setId(id).setEmail(id.substring(0, 8) + "@" + domain)
                .setFirstName(null).setLastName(null).setLinkedinUrl(null).setCompanyDomain(domain)
                .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false).setAttributes(Map.of()).build();
        try (KafkaProducer<String, PersonRecord> producer = new KafkaProducer<>(TopicReader.clientProps(),
                Topics.PEOPLE.keySerde().serializer(), Topics.PEOPLE.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.PEOPLE.name(), Keys.of(org, id), record)).get();
        }
    }

    private static RequestSpecification as(String key) {
        return given().basePath("/sequences/v1").header("x-api-key", key).contentType(ContentType.JSON);
    }
}
