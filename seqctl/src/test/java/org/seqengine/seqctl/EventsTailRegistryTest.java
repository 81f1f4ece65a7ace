package org.seqengine.seqctl;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EventEnvelope;

/** {@code seqctl events tail} over an event log written in registry mode (Confluent wire format). */
@Timeout(120)
class EventsTailRegistryTest {

    static final int SCHEMA_ID = 21;
    static TestBroker broker;
    static WireMockServer registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        registry.start();
        registry.stubFor(get(urlPathEqualTo("/apis/ccompat/v7/schemas/ids/" + SCHEMA_ID))
                .willReturn(okJson(ApiClient.JSON.writeValueAsString(Map.of("schema", EventEnvelope.getClassSchema().toString())))));
        broker = TestBroker.start();
        broker.createTopics(List.of(new NewTopic(Topics.EVENTS.name(), 1, (short) 1)));
        var event = EventsTailTest.record(EventsTailTest.ADA, "ev-9", EnrolledEvent.newBuilder().setSequenceId("seq-9")
                .setMailboxId("mb-1").setStartStepIndex(0).setCompanyDomain("example.com").build()).value();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(broker.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.EVENTS.name(), "org-1/" + EventsTailTest.ADA, wireFormat(event)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
        if (registry != null) registry.stop();
    }

    /** What the services write in registry mode: magic byte 0, the schema id, the Avro binary body. */
    static byte[] wireFormat(EventEnvelope event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(SCHEMA_ID).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<EventEnvelope>(EventEnvelope.getClassSchema()).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void readsRegistryEncodedEventsWithTheSchemaFetchedById() throws Exception {
        Run run = Run.of(Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + registry.port()),
                "events", "tail", "--bootstrap", broker.bootstrapServers(), "--from-beginning", "--max", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode event = ApiClient.JSON.readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(event.path("event_id").asText()).isEqualTo("ev-9");
        assertThat(event.path("payload").path("sequence_id").asText()).isEqualTo("seq-9");
        registry.verify(getRequestedFor(urlPathEqualTo("/apis/ccompat/v7/schemas/ids/" + SCHEMA_ID)));
    }

    @Test
    void withoutTheRegistryItSaysWhatToSet() {
        Run run = Run.of(Map.of(), "events", "tail", "--bootstrap", broker.bootstrapServers(), "--from-beginning", "--max", "1");

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("SCHEMA_REGISTRY_URL");
    }
}
