package org.seqengine.seqctl;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A JDK HTTP server on a free port standing in for the API: records every request, answers what the route says. */
final class StubApi implements AutoCloseable {

    record Request(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, String json) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubApi(Function<Request, Answer> route) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Answer answer = route.apply(request);
            byte[] body = answer.json() == null ? new byte[0] : answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The base URL the CLI is pointed at, like the real API's {@code /sequences/v1}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sequences/v1";
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.pathAndQuery().startsWith("/sequences/v1" + pathPrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
