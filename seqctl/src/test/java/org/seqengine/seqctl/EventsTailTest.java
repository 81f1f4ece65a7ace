package org.seqengine.seqctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.UnenrolledEvent;

/** {@code seqctl events tail} against a real broker: events produced with the schemas' serde come out as JSON lines. */
@Timeout(120)
class EventsTailTest {

    static final String ORG = "org-1";
    static final String ADA = "11111111-1111-4111-8111-111111111111";
    static final String BOB = "33333333-3333-4333-8333-333333333333";

    static TestBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        broker.createTopics(List.of(new NewTopic(Topics.EVENTS.name(), 3, (short) 1)));
        Properties props = broker.clientProperties();
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(props,
                Topics.EVENTS.keySerde().serializer(), Topics.EVENTS.valueSerde().serializer())) {
            producer.send(record(ADA, "ev-1", EnrolledEvent.newBuilder().setSequenceId("seq-1").setMailboxId("mb-1")
                    .setStartStepIndex(0).setCompanyDomain("example.com").build())).get(30, TimeUnit.SECONDS);
            producer.send(record(BOB, "ev-2", UnenrolledEvent.newBuilder().setFinishReason("MANUAL").setCanceled(false).build()))
                    .get(30, TimeUnit.SECONDS);
            producer.send(record(ADA, "ev-3", UnenrolledEvent.newBuilder().setFinishReason("REPLIED").setCanceled(false).build()))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    static ProducerRecord<String, EventEnvelope> record(String personId, String eventId, Object payload) {
        EventEnvelope event = EventEnvelope.newBuilder().setEventId(eventId).setCommandId("cmd-" + eventId).setOrgId(ORG)
                .setPersonId(personId).setEnrollmentId("enr-" + personId.substring(0, 4))
                .setOccurredAt(Instant.parse("2026-12-07T10:00:00Z")).setPayload(payload).build();
        return new ProducerRecord<>(Topics.EVENTS.name(), Keys.of(ORG, personId), event);
    }

    Map<String, String> env() {
        return Map.of("SEQCTL_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    }

    @Test
    void tailPrintsEachEventAsOneJsonLine() throws Exception {
        Run run = Run.of(env(), "events", "tail", "--from-beginning", "--max", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode event = ApiClient.JSON.readTree(line); // valid JSON, one event a line
            assertThat(event.path("org_id").asText()).isEqualTo(ORG);
            assertThat(event.path("occurred_at").asText()).isEqualTo("2026-12-07T10:00:00Z");
            assertThat(event.path("type").asText()).isIn("EnrolledEvent", "UnenrolledEvent");
            assertThat(event.path("event_id").asText()).startsWith("ev-");
            assertThat(event.path("command_id").asText()).isEqualTo("cmd-" + event.path("event_id").asText());
        }
    }

    @Test
    void tailFiltersByPerson() throws Exception {
        Run run = Run.of(Map.of(), "events", "tail", "--bootstrap", broker.bootstrapServers(), "--from-beginning", "--max", "2",
                "--person", ADA);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = run.out().lines().map(line -> {
            try {
                return ApiClient.JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(events).extracting(e -> e.path("event_id").asText()).containsExactly("ev-1", "ev-3"); // one partition per key: in order
        assertThat(events).allSatisfy(e -> assertThat(e.path("person_id").asText()).isEqualTo(ADA));
        JsonNode enrolled = events.get(0);
        assertThat(enrolled.path("type").asText()).isEqualTo("EnrolledEvent");
        assertThat(enrolled.path("payload").path("sequence_id").asText()).isEqualTo("seq-1");
        assertThat(enrolled.path("payload").path("start_step_index").asInt()).isZero();
        assertThat(enrolled.path("payload").path("company_domain").asText()).isEqualTo("example.com");
        assertThat(events.get(1).path("payload").path("finish_reason").asText()).isEqualTo("REPLIED");
    }
}
