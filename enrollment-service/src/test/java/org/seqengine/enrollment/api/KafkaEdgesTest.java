package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.testsupport.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/** What other services put on the topics directly: bad bytes, and exclusion matches. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class KafkaEdgesTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void undecodableCommandGoesToTheDlqAndProcessingContinues() throws Exception {
        String marker = "garbage-" + TestData.id();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clientProps(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), bytes("org-a/" + TestData.id()), bytes(marker))).get();
        }

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clientProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMANDS.dlqName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker));
            });
            ConsumerRecord<byte[], byte[]> dead = seen.stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker)).findFirst().orElseThrow();
            assertThat(header(dead, "dlq.source.topic")).isEqualTo(Topics.COMMANDS.name());
            assertThat(header(dead, "dlq.error")).isNotBlank();
            assertThat(header(dead, "dlq.source.offset")).matches("\\d+");
        }

        String mailbox = "dlq-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 1), TestData.person(ORG_A_KEY), mailbox))
                .post("/enrollments").then().statusCode(201);
    }

    @Test
    void exclusionMatchesPublishedUpstreamBlockEnrollmentNamingRuleAndLevel() throws Exception {
        String mailbox = "ex-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String orgRule = "competitors-" + TestData.id().substring(0, 8);
        String sequenceRule = "customers-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("name", "Competitors", "level", "COMPANY", "exclude_from_sequences", true,
                "remove_from_active_sequences", false)).put("/exclusion-rules/" + orgRule).then().statusCode(200);
        as(ORG_A_KEY).body(Map.of("name", "Customers", "level", "PERSON", "exclude_from_sequences", false,
                "remove_from_active_sequences", false)).put("/exclusion-rules/" + sequenceRule).then().statusCode(200);
        String ruleset = "rs-" + TestData.id().substring(0, 8);
        as(ORG_A_KEY).body(Map.of("allow_reenrollment_into_sequences", false, "allow_reenrollment_into_same_sequence", false,
                "reenrollment_waiting_days", 75, "exclusion_rule_ids", List.of(sequenceRule))).put("/rulesets/" + ruleset)
                .then().statusCode(200);
        String sequence = TestData.sequence(ORG_A_KEY, ruleset, 2);
        String person = TestData.person(ORG_A_KEY);

        ExclusionMatchesRecord matches = ExclusionMatchesRecord.newBuilder().setOrgId("org-a").setPersonId(person)
                .setMatches(List.of(new ExclusionMatchRecord(orgRule, "COMPANY", null, List.of()), new ExclusionMatchRecord(sequenceRule, "PERSON", null, List.of())))
                .setEvaluatedAt(Instant.now()).build();
        try (KafkaProducer<String, ExclusionMatchesRecord> producer = new KafkaProducer<>(clientProps(),
                Topics.EXCLUSION_MATCHES.keySerde().serializer(), Topics.EXCLUSION_MATCHES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.EXCLUSION_MATCHES.name(), Keys.of("org-a", person), matches)).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).queryParam("sequence_id", sequence).get("/people/" + person + "/eligibility")
                        .then().body("eligible", equalTo(false)));
        as(ORG_A_KEY).body(enrollBody(sequence, person, mailbox)).post("/enrollments")
                .then().statusCode(400)
                .body("errors.find { it.rule_id == '" + orgRule + "' }.level", equalTo("ORGANIZATION"))
                .body("errors.find { it.rule_id == '" + sequenceRule + "' }.level", equalTo("SEQUENCE"))
                .body("errors[0].code", equalTo("EXCLUDED"));
    }

    private static Properties clientProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        return props;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
