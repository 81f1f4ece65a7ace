package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The REST API over {@link HttpClient}: every call sends {@code x-api-key}; a 401 and an unreachable
 * API become a {@link CliException} (one line), every other status is answered to the caller.
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A status, its JSON body (MissingNode when none or not JSON) and the Retry-After seconds (-1 when absent). */
    public record Response(int status, JsonNode body, long retryAfterSeconds) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code errors[0].code}, else the body's {@code status} upper-cased, else {@code HTTP_<status>}. */
        public String code() {
            JsonNode first = body.path("errors").path(0).path("code");
            if (first.isTextual()) return first.asText();
            JsonNode status = body.path("status");
            return status.isTextual() ? status.asText().toUpperCase() : "HTTP_" + this.status;
        }

        /** {@code errors[0].message}, else the body's {@code message}, else empty. */
        public String message() {
            JsonNode first = body.path("errors").path(0).path("message");
            if (first.isTextual()) return first.asText();
            return body.path("message").asText("");
        }
    }

    /** The API could not be reached (connection refused, timeout, reset); retryable. */
    public static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    public ApiClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) throws Unreachable {
        return send("GET", path, null, null, Map.of());
    }

    public Response postJson(String path, Object body, Map<String, String> headers) throws Unreachable {
        try {
            return send("POST", path, JSON.writeValueAsBytes(body), "application/json", headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, byte[] body, String contentType) throws Unreachable {
        return send("PUT", path, body, contentType, Map.of());
    }

    public Response send(String method, String path, byte[] body, String contentType, Map<String, String> headers)
            throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("x-api-key", apiKey)
                .header("accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("content-type", contentType);
        headers.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable("cannot reach the API at " + baseUrl + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
        if (response.statusCode() == 401) {
            throw new CliException(CliException.USAGE,
                    "the API refused the key (401): set SEQCTL_API_KEY to a key of ENROLLMENT_API_KEYS");
        }
        long retryAfter = response.headers().firstValue("retry-after").map(ApiClient::seconds).orElse(-1L);
        return new Response(response.statusCode(), parse(response.body()), retryAfter);
    }

    /** Runs a call and turns an unreachable API into a one-line failure (for commands that do not retry). */
    public interface Call {
        Response run() throws Unreachable;
    }

    public static Response once(Call call) {
        try {
            return call.run();
        } catch (Unreachable e) {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
    }

    /** Fails with the answer's code and message unless it is a 2xx. */
    public static Response expectOk(Response response, String what) {
        if (!response.ok()) {
            String message = response.message();
            throw new CliException(response.status() >= 500 ? CliException.FAILED : CliException.USAGE,
                    what + " failed: " + response.status() + " " + response.code() + (message.isEmpty() ? "" : ": " + message));
        }
        return response;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) return MissingNode.getInstance();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
