package org.seqengine.enrollment.testsupport;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for exclusion-evaluator's {@code GET /sequences/v1/people/{id}/crm}, on a free port,
 * for a person's export. It answers what a test gave for the person under an API key ({@link #answer}:
 * the evaluator scopes by the key's organization), 404 for anyone else, 401 without an
 * {@code x-api-key}, and remembers the key it was last asked with ({@link #keySeen}).
 * The canned answers live in system properties: the test and this resource may be loaded by
 * different class loaders of the one test JVM.
 */
public class CrmStubResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "seqengine.test.crm-stub.";
    private static final Pattern PATH = Pattern.compile("/sequences/v1/people/([^/]+)/crm");

    private HttpServer server;

    /** What the stub answers (200, this JSON) about the person when asked with this API key. */
    public static void answer(String apiKey, String personId, String json) {
        System.setProperty(PREFIX + "answer." + apiKey + "." + personId, json);
    }

    /** The x-api-key the stub was last asked with about the person, or null. */
    public static String keySeen(String personId) {
        return System.getProperty(PREFIX + "key." + personId);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            String key = exchange.getRequestHeaders().getFirst("x-api-key");
            int status;
            String body;
            if (!m.matches() || !"GET".equals(exchange.getRequestMethod())) {
                status = 404;
                body = "{\"status\":\"not_found\"}";
            } else if (key == null || key.isBlank()) {
                status = 401;
                body = "{\"status\":\"unauthorized\"}";
            } else {
                System.setProperty(PREFIX + "key." + m.group(1), key);
                String answer = System.getProperty(PREFIX + "answer." + key + "." + m.group(1));
                status = answer == null ? 404 : 200;
                body = answer == null ? "{\"status\":\"not_found\",\"message\":\"Person not found.\"}" : answer;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("enrollment.exclusion-evaluator-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
    }
}
