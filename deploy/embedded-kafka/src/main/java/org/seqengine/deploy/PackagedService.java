package org.seqengine.enrollment.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service ({@code target/quarkus-app}, built by {@code mvn verify} before the ITs) run as
 * a real process, as in production: for the ITs that kill it or run several instances.
 */
public final class PackagedService {

    public static final String ORG = "it-org";
    public static final String KEY = "it-key-1";

    private PackagedService() {}

    /** Starts an instance on {@code port} with its own state directory; extra {@code -D} settings optional. */
    public static Process start(String bootstrap, int port, Path stateDir, Path log, String... systemProperties)
            throws IOException {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged service (run by mvn verify)").exists();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Dkafka-streams.session.timeout.ms=6000"));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", jar.getAbsolutePath()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        pb.environment().put("ENROLLMENT_API_KEYS", ORG + ":" + KEY);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("ENROLLMENT_ADVERTISED_HOST", "127.0.0.1");
        pb.environment().put("ENROLLMENT_STATE_DIR", stateDir.toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /** The API of the instance on {@code port}, with the IT organization's key. */
    public static RequestSpecification api(int port) {
        return given().port(port).basePath("/sequences/v1").header("x-api-key", KEY).contentType(ContentType.JSON);
    }

    public static void awaitReady(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                given().port(port).get("/q/health/ready").then().statusCode(200));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
