package org.seqengine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.deploy.PackagedService;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.seqctl.SeqCtl;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * With Docker only ({@code -Pdocker}; skipped where no Docker engine answers): Kafka and a real Apicurio
 * Registry 3.1.7 (in-memory) in containers. {@code seqctl schemas register} registers the released
 * history; the packaged enrollment-service runs in registry mode; every value it writes carries a schema
 * id that the registry's Confluent-compatible API resolves ({@code GET /schemas/ids/{id}}, what Confluent
 * deserializers, Kafka Connect and kcat call), and that schema decodes the value.
 */
@Testcontainers(disabledWithoutDocker = true)
class ServiceWithApicurioDockerIT {

    private static final String CCOMPAT = "/apis/ccompat/v7";
    private static final List<Topic<?, ?>> WRITTEN = List.of(Topics.MAILBOXES, Topics.SEQUENCES, Topics.PEOPLE,
            Topics.COMMANDS, Topics.EVENTS, Topics.ENROLLMENTS, Topics.COMMAND_REPLIES);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final GenericContainer<?> APICURIO = new GenericContainer<>("apicurio/apicurio-registry:3.1.7")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forStatusCode(200));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private String registryUrl() {
        return "http://" + APICURIO.getHost() + ":" + APICURIO.getMappedPort(8080);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void registeredSchemasServiceInRegistryModeAndConfluentReadersAgree(@TempDir Path dir) throws Exception {
        assertThat(SeqCtl.commandLine(Map.of()).execute("schemas", "register", "--registry", registryUrl())).isZero();
        assertThat(getJson(CCOMPAT + "/config/" + Topics.EVENTS.name() + "-value").toString()).contains("BACKWARD_TRANSITIVE");
        assertThat(SeqCtl.commandLine(Map.of()).execute("schemas", "register", "--registry", registryUrl()))
                .as("a re-run changes nothing").isZero();

        int port = PackagedService.freePort();
        Process service = PackagedService.start(KAFKA.getBootstrapServers(), port, dir.resolve("state"),
                dir.resolve("enrollment-service.log"), "-Dseqengine.schema-registry.url=" + registryUrl());
        try {
            PackagedService.awaitReady(port);
            EnrollmentFlow.run(port);
        } finally {
            PackagedService.stop(service);
        }

        Map<String, List<byte[]>> values = RawTopics.values(KAFKA.getBootstrapServers(), WRITTEN.stream().map(Topic::name).toList());
        for (Topic<?, ?> topic : WRITTEN) {
            assertThat(values.get(topic.name())).as(topic.name()).isNotEmpty();
            JsonNode latest = getJson(CCOMPAT + "/subjects/" + topic.name() + "-value/versions/latest");
            for (byte[] value : values.get(topic.name())) {
                assertThat(value[0]).isEqualTo((byte) 0);
                int id = ByteBuffer.wrap(value, 1, 4).getInt();
                assertThat(id).as("the Confluent API's id of the latest version of %s-value", topic.name())
                        .isEqualTo(latest.path("id").asInt());
                Schema schema = new Schema.Parser().parse(getJson(CCOMPAT + "/schemas/ids/" + id).path("schema").asText());
                GenericRecord plain = new GenericDatumReader<GenericRecord>(schema)
                        .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
                assertThat(plain.get("org_id").toString()).isEqualTo(PackagedService.ORG);
            }
        }
    }
}
