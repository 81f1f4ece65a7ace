package org.seqengine.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.deploy.ApicurioRegistryStub;
import org.seqengine.deploy.PackagedService;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.serde.SchemaHistory;

/**
 * The packaged enrollment-service with SCHEMA_REGISTRY_URL set, on a real broker, against a loopback
 * registry serving each subject {@code <topic>-value} the latest released version (as
 * {@code seqctl schemas register} leaves it): every value it writes to its topics is the Confluent wire
 * format with the id the registry served, and a plain Avro reader decodes it with the served schema.
 */
class ServiceInRegistryModeIT {

    /** Topics the enrollment flow writes (reference data, commands, events, state). */
    private static final List<Topic<?, ?>> WRITTEN = List.of(Topics.MAILBOXES, Topics.SEQUENCES, Topics.PEOPLE,
            Topics.COMMANDS, Topics.EVENTS, Topics.ENROLLMENTS, Topics.COMMAND_REPLIES);

    @Test
    void theServiceWritesTheConfluentWireFormatAndReadsItBack(@TempDir Path dir) throws Exception {
        Map<Integer, Schema> schemaById = new HashMap<>();
        Map<String, Integer> idByTopic = new HashMap<>();
        try (TestBroker broker = TestBroker.start(); ApicurioRegistryStub registry = new ApicurioRegistryStub()) {
            int n = 0;
            for (Topic<?, ?> topic : Topics.all()) {
                if (topic.avroValueType().isEmpty()) continue;
                List<Schema> released = SchemaHistory.versions(topic.avroValueType().get());
                Schema latest = released.get(released.size() - 1);
                int contentId = 100 + n++;
                registry.latest(topic.name() + "-value", latest.toString(), 1000 + contentId, contentId);
                schemaById.put(contentId, latest);
                idByTopic.put(topic.name(), contentId);
            }
            int port = PackagedService.freePort();
            Path log = dir.resolve("enrollment-service.log");
            Process service = PackagedService.start(broker.bootstrapServers(), port, dir.resolve("state"), log,
                    "-Dseqengine.schema-registry.url=" + registry.url());
            try {
                PackagedService.awaitReady(port);
                EnrollmentFlow.run(port);
            } finally {
                PackagedService.stop(service);
            }
            assertThat(Files.readString(log)).contains("schema registry mode: topic values in the Confluent wire format");

            Map<String, List<byte[]>> values = RawTopics.values(broker.bootstrapServers(), WRITTEN.stream().map(Topic::name).toList());
            for (Topic<?, ?> topic : WRITTEN) {
                List<byte[]> written = values.get(topic.name());
                assertThat(written).as(topic.name()).isNotEmpty();
                for (byte[] value : written) {
                    assertThat(value[0]).as("magic byte on %s", topic.name()).isEqualTo((byte) 0);
                    int id = ByteBuffer.wrap(value, 1, 4).getInt();
                    assertThat(id).as("schema id on %s", topic.name()).isEqualTo(idByTopic.get(topic.name()));
                    GenericRecord plain = new GenericDatumReader<GenericRecord>(schemaById.get(id))
                            .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
                    assertThat(plain.get("org_id").toString()).as(topic.name()).isEqualTo(PackagedService.ORG);
                }
            }
            registry.server().verify(0, postRequestedFor(anyUrl()));
            registry.server().verify(0, putRequestedFor(anyUrl()));
            registry.server().verify(0, deleteRequestedFor(anyUrl()));
        }
    }
}
