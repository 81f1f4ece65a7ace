package org.seqengine.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.seqengine.bench.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the chaos cases share: the packaged service jar and reads through the public REST API. */
final class ChaosSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private ChaosSupport() {
    }

    static Path serviceJar() {
        Path jar = Path.of(System.getProperty("service.jar", "../enrollment-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged enrollment-service is missing: " + jar
                    + " (run ./mvnw -Pchaos verify from the repository root)");
        }
        return jar;
    }

    /** Whether the service's store holds the enrollment as active; null when it answers 404. */
    static Boolean storedActive(ServiceProcess service, String enrollmentId) {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                                URI.create(service.baseUrl() + "/sequences/v1/enrollments/" + enrollmentId))
                        .header("x-api-key", ServiceProcess.API_KEY).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 404) {
                    return null;
                }
                if (r.statusCode() == 200) {
                    JsonNode body = JSON.readTree(r.body());
                    return "IN_PROGRESS".equals(body.path("status").asText());
                }
                if (attempt > 50) {
                    throw new IllegalStateException("GET enrollment answered " + r.statusCode() + ": " + r.body());
                }
                Thread.sleep(200);
            } catch (IOException e) {
                if (attempt > 50) {
                    throw new IllegalStateException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
