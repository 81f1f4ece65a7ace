package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.seqengine.schemas.serde.registry.RegistryCodec;

/**
 * The few calls of the Confluent Schema Registry API that registration needs (Apicurio serves it at
 * {@code /apis/ccompat/v7}): look a schema up under a subject, register it, read and set the
 * subject's compatibility; and, as the {@link RegistryCodec} of {@code events tail}, fetch a writer schema by
 * id ({@code GET /schemas/ids/{id}}, what Confluent deserializers call). seqctl never writes topic values.
 */
final class ConfluentRegistryClient implements RegistryCodec {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    ConfluentRegistryClient(String confluentApiUrl) {
        this.baseUrl = confluentApiUrl;
    }

    String url() {
        return baseUrl;
    }

    /** The version number of {@code schema} under {@code subject}, if it is registered there. */
    OptionalInt versionOf(String subject, Schema schema) {
        Answer answer = send("POST", "/subjects/" + subject, schemaBody(schema));
        if (answer.status() == 404) {
            return OptionalInt.empty(); // 40401 no such subject, 40403 not under it
        }
        answer.expectOk("look up a schema of " + subject);
        return OptionalInt.of(answer.json().path("version").asInt());
    }

    /** Registers {@code schema} as the subject's next version; the registry's schema id. */
    int register(String subject, Schema schema) {
        Answer answer = send("POST", "/subjects/" + subject + "/versions", schemaBody(schema));
        answer.expectOk("register a version of " + subject);
        return answer.json().path("id").asInt();
    }

    /** The subject's own compatibility level, or null when it has none (the registry's default applies). */
    String compatibility(String subject) {
        Answer answer = send("GET", "/config/" + subject, null);
        if (answer.status() == 404) {
            return null;
        }
        answer.expectOk("read the compatibility of " + subject);
        JsonNode json = answer.json();
        return json.hasNonNull("compatibilityLevel") ? json.get("compatibilityLevel").asText()
                : json.path("compatibility").asText(null);
    }

    void setCompatibility(String subject, String level) {
        send("PUT", "/config/" + subject, Map.of("compatibility", level)).expectOk("set the compatibility of " + subject);
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            Answer answer = send("GET", "/schemas/ids/" + key, null);
            answer.expectOk("fetch schema id " + key);
            return new Schema.Parser().parse(answer.json().path("schema").asText());
        });
    }

    @Override
    public byte[] encode(String topic, SpecificRecord value) {
        throw new UnsupportedOperationException("seqctl only reads topics");
    }

    @Override
    public String registryUrl() {
        return baseUrl;
    }

    private static Map<String, String> schemaBody(Schema schema) {
        return Map.of("schemaType", "AVRO", "schema", schema.toString());
    }

    private Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(ApiClient.JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method + " " + path, response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new CliException(CliException.FAILED, "the schema registry at " + baseUrl + " is unreachable (set --registry)");
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "the schema registry at " + baseUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }

    private record Answer(String request, int status, String body) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : ApiClient.JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        void expectOk(String what) {
            if (status / 100 != 2) {
                String message = json().path("message").asText(body == null ? "" : body.strip());
                throw new CliException(CliException.FAILED, "could not " + what + ": " + request + " answered " + status
                        + (message.isEmpty() ? "" : " (" + message + ")"));
            }
        }
    }
}
