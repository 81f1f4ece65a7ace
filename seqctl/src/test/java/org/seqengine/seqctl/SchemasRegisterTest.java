package org.seqengine.seqctl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.serde.SchemaHistory;

/** {@code seqctl schemas register} against a loopback Confluent-compatible registry (Apicurio's /apis/ccompat/v7). */
class SchemasRegisterTest {

    private static final String CCOMPAT = "/apis/ccompat/v7";

    private final WireMockServer registry = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        registry.stop();
    }

    /** A registry that holds nothing yet: lookups 404, registrations answer an id, configs 404 then accept a PUT. */
    private void emptyRegistry() {
        registry.start();
        registry.stubFor(post(urlPathMatching(CCOMPAT + "/subjects/[^/]+")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", ConfluentRegistryClient.CONTENT_TYPE)
                .withBody("{\"error_code\":40401,\"message\":\"Subject not found\"}")));
        registry.stubFor(post(urlPathMatching(CCOMPAT + "/subjects/[^/]+/versions")).willReturn(okJson("{\"id\":7}")));
        registry.stubFor(get(urlPathMatching(CCOMPAT + "/config/[^/]+")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", ConfluentRegistryClient.CONTENT_TYPE)
                .withBody("{\"error_code\":40408,\"message\":\"Subject does not have subject-level compatibility configured\"}")));
        registry.stubFor(put(urlPathMatching(CCOMPAT + "/config/[^/]+")).willReturn(okJson("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}")));
    }

    /** A registry where a previous run did everything. */
    private void registeredRegistry() {
        registry.start();
        registry.stubFor(post(urlPathMatching(CCOMPAT + "/subjects/[^/]+"))
                .willReturn(okJson("{\"subject\":\"s\",\"version\":1,\"id\":7,\"schema\":\"{}\"}")));
        registry.stubFor(get(urlPathMatching(CCOMPAT + "/config/[^/]+"))
                .willReturn(okJson("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}")));
    }

    private String url() {
        return "http://127.0.0.1:" + registry.port();
    }

    /** The requests the registry received, oldest first, as "METHOD path". */
    private List<ServeEvent> requests() {
        List<ServeEvent> events = new ArrayList<>(registry.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    private static String line(ServeEvent e) {
        return e.getRequest().getMethod() + " " + e.getRequest().getUrl();
    }

    private static Schema bodySchema(ServeEvent e) throws Exception {
        JsonNode body = ApiClient.JSON.readTree(e.getRequest().getBodyAsString());
        assertThat(body.path("schemaType").asText()).isEqualTo("AVRO");
        return new Schema.Parser().parse(body.path("schema").asText());
    }

    @Test
    void registersEveryReleasedVersionOldestFirstThenSetsBackwardTransitive() throws Exception {
        emptyRegistry();

        Run run = Run.of(Map.of(), "schemas", "register", "--registry", url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String subject = Topics.COMMANDS.name() + "-value";
        List<Schema> released = SchemaHistory.versions(CommandEnvelope.class);
        assertThat(released).hasSizeGreaterThan(1);
        List<ServeEvent> forSubject = requests().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(CCOMPAT + "/subjects/" + subject)
                        || e.getRequest().getUrl().equals(CCOMPAT + "/config/" + subject))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            expected.add("POST " + CCOMPAT + "/subjects/" + subject);
            expected.add("POST " + CCOMPAT + "/subjects/" + subject + "/versions");
        }
        expected.add("GET " + CCOMPAT + "/config/" + subject);
        expected.add("PUT " + CCOMPAT + "/config/" + subject);
        assertThat(forSubject.stream().map(SchemasRegisterTest::line)).containsExactlyElementsOf(expected);
        for (int i = 0; i < released.size(); i++) {
            assertThat(bodySchema(forSubject.get(2 * i + 1))).as("version %d", i + 1).isEqualTo(released.get(i));
        }
        assertThat(ApiClient.JSON.readTree(forSubject.get(forSubject.size() - 1).getRequest().getBodyAsString())
                .path("compatibility").asText()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(forSubject.get(1).getRequest().getHeader("Content-Type")).isEqualTo(ConfluentRegistryClient.CONTENT_TYPE);

        long avroTopics = Topics.all().stream().filter(t -> t.avroValueType().isPresent()).count();
        long versionPosts = requests().stream().filter(e -> e.getRequest().getUrl().endsWith("/versions")).count();
        long allReleased = Topics.all().stream().flatMap(t -> t.avroValueType().stream())
                .mapToLong(type -> SchemaHistory.versions(type).size()).sum();
        assertThat(versionPosts).isEqualTo(allReleased);
        assertThat(requests().stream().filter(e -> e.getRequest().getMethod().value().equals("PUT")).count()).isEqualTo(avroTopics);
        assertThat(requests()).noneMatch(e -> e.getRequest().getUrl().contains(Topics.MAILBOX_LOAD.name()));
        assertThat(run.out()).contains(Topics.MAILBOX_LOAD.name() + ": skipped, its value is not an Avro record")
                .contains(subject + ": " + released.size() + " released version(s), " + released.size() + " registered")
                .contains("subjects: " + avroTopics + ", versions registered: " + allReleased + ", already there: 0, "
                        + "compatibility set: " + avroTopics + ", topics skipped (not Avro): 1");
    }

    @Test
    void aReRunChangesNothing() {
        registeredRegistry();

        Run run = Run.of(Map.of("SCHEMA_REGISTRY_URL", url() + CCOMPAT), "schemas", "register");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requests()).allMatch(e -> line(e).startsWith("GET " + CCOMPAT + "/config/")
                || (line(e).startsWith("POST " + CCOMPAT + "/subjects/") && !line(e).endsWith("/versions")));
        assertThat(run.out()).contains("versions registered: 0").contains("compatibility set: 0");
    }

    @Test
    void anIncompatibleVersionFailsNamingTheSubject() {
        emptyRegistry();
        Topic<?, ?> first = Topics.all().get(0);
        registry.stubFor(post(urlPathMatching(CCOMPAT + "/subjects/[^/]+/versions")).atPriority(1).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", ConfluentRegistryClient.CONTENT_TYPE)
                .withBody("{\"error_code\":409,\"message\":\"Incompatible schema\"}")));

        Run run = Run.of(Map.of(), "schemas", "register", "--registry", url());

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains(first.name() + "-value").contains("409").contains("Incompatible schema");
    }

    @Test
    void withoutARegistryItIsAUsageError() {
        Run run = Run.of(Map.of(), "schemas", "register");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).contains("--registry").contains("SCHEMA_REGISTRY_URL");
        registry.start(); // for @AfterEach
        assertThat(registry.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnreachableRegistryFailsInOneLine() {
        registry.start();
        String url = url();
        registry.stop();

        Run run = Run.of(Map.of(), "schemas", "register", "--registry", url);

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("unreachable").doesNotContain("Exception");
        registry.start();
        registry.stubFor(get(anyUrl()).willReturn(okJson("{}")));
    }
}
