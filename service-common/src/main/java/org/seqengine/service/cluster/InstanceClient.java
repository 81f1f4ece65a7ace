package org.seqengine.service.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;
import org.seqengine.service.config.InternalToken;
import org.seqengine.service.error.ApiException;

/**
 * The HTTP hop from one instance of a service to another ({@code /internal/v1/...}, which the
 * API-key filter opens only to the cluster's {@link InternalToken}). Any answer but 200 or 404, or
 * no answer within {@link #PATIENCE}, is a 503 for the API client: the cluster is changing, retry.
 */
@ApplicationScoped
public class InstanceClient {

    private static final Logger LOG = Logger.getLogger(InstanceClient.class);
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    InternalToken token;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A read answered by the instance that owns {@code key} in {@code store}: this one ({@code local}),
     * or another (GET {@code path} with {@code query}, its JSON read as {@code type}). Empty when the
     * owner holds nothing under the key.
     *
     * @param self this instance's {@code application.server}
     */
    public <T> Optional<T> fromOwner(KafkaStreams streams, String store, String key, HostInfo self,
                                     Supplier<Optional<T>> local, String path, Map<String, String> query, Class<T> type) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance owns " + store + " partitions yet (starting or rebalancing)");
        }
        if (owner.activeHost().equals(self)) {
            return local.get();
        }
        Optional<JsonNode> answer = get(owner.activeHost(), path, query);
        try {
            return answer.isEmpty() ? Optional.empty() : Optional.of(json.treeToValue(answer.get(), type));
        } catch (JsonProcessingException e) {
            throw ApiException.unavailable("Another instance answered in an unexpected form; retry shortly.");
        }
    }

    /** GET on another instance; empty on 404. */
    public Optional<JsonNode> get(HostInfo host, String path, Map<String, String> query) {
        return send(host, HttpRequest.newBuilder(uri(host, path, query)).GET());
    }

    /** POST of {@code body} as JSON to another instance; empty on 404. */
    public Optional<JsonNode> post(HostInfo host, String path, Object body) {
        try {
            return send(host, HttpRequest.newBuilder(uri(host, path, Map.of()))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<JsonNode> send(HostInfo host, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.header(InternalToken.HEADER, token.value())
                    .timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) return Optional.empty();
            if (response.statusCode() != 200) {
                LOG.warnf("instance %s:%d answered %d to an internal read", host.host(), host.port(), response.statusCode());
                throw ApiException.unavailable("Another instance could not answer; retry shortly.");
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            LOG.warnf("instance %s:%d unreachable: %s", host.host(), host.port(), e.getMessage());
            throw ApiException.unavailable("Another instance is unreachable; retry shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        }
    }

    private static URI uri(HostInfo host, String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create("http://" + host.host() + ":" + host.port() + path + (q.isEmpty() ? "" : "?" + q));
    }
}
