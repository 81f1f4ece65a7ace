package org.seqengine.enrollment.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.service.error.ApiException;

/** The export's read of exclusion-evaluator's CRM facts: passed on, 404 as none, anything else a 503. */
class CrmFactsTest {

    private HttpServer server;
    private String url;
    private final AtomicReference<String> keySeen = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            keySeen.set(exchange.getRequestHeaders().getFirst("x-api-key"));
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/sequences/v1/people/p-1/crm") ? 200 : path.contains("/p-500/") ? 500 : 404;
            byte[] body = (status == 200 ? "{\"person_id\":\"p-1\",\"records\":[{\"crm\":\"hubspot\",\"fields\":{\"stage\":\"lead\"}}]}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theAnswerIsPassedOnAskedWithTheCallersKey() {
        JsonNode crm = new CrmFacts().fetch(url, "p-1", "key-a-123");
        assertThat(crm.get(0).path("fields").path("stage").asText()).isEqualTo("lead");
        assertThat(keySeen.get()).isEqualTo("key-a-123");
    }

    @Test
    void nothingHeldIsAnEmptyList() {
        JsonNode crm = new CrmFacts().fetch(url, "p-unknown", "key-a-123");
        assertThat(crm.isArray()).isTrue();
        assertThat(crm.isEmpty()).isTrue();
    }

    @Test
    void anEvaluatorThatFailsOrCannotBeReachedIsA503() throws IOException {
        assertThatThrownBy(() -> new CrmFacts().fetch(url, "p-500", "key-a-123"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new CrmFacts().fetch("http://127.0.0.1:" + closedPort, "p-1", "key-a-123"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("exclusion-evaluator");
                });
    }
}
