package org.seqengine.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A packaged service of this build ({@code <module>/target/quarkus-app}, built by {@code mvn verify}
 * before the ITs that use it) run as a real process, as in production: for the ITs that kill it,
 * run several instances, or run it next to another service.
 */
public final class PackagedService {

    public static final String ORG = "it-org";
    public static final String KEY = "it-key-1";

    private PackagedService() {}

    /**
     * Starts enrollment-service on {@code port} with its own state directory and the IT organization's
     * key; extra {@code -D} settings optional.
     */
    public static Process start(String bootstrap, int port, Path stateDir, Path log, String... systemProperties)
            throws IOException {
        return start(jarOf("enrollment-service"), bootstrap, port, stateDir, log,
                Map.of("ENROLLMENT_API_KEYS", ORG + ":" + KEY), systemProperties);
    }

    /**
     * Starts the packaged {@code jar} on {@code port} against {@code bootstrap}, with its own state
     * directory and log; {@code env} adds to (or overrides) the environment, e.g. {@code ENROLLMENT_API_KEYS}.
     */
    public static Process start(Path jar, String bootstrap, int port, Path stateDir, Path log,
                                Map<String, String> env, String... systemProperties) throws IOException {
        requirePackaged(jar);
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Dkafka-streams.session.timeout.ms=6000"));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("ENROLLMENT_ADVERTISED_HOST", "127.0.0.1");
        pb.environment().put("ENROLLMENT_STATE_DIR", stateDir.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /**
     * The runnable jar of {@code module} of this build, found from the working directory of the test
     * (its own module's directory) by walking up to the reactor root.
     */
    public static Path jarOf(String module) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(module).resolve("pom.xml"))) {
                return dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            }
        }
        throw new IllegalStateException("No module " + module + " above " + Path.of("").toAbsolutePath());
    }

    /** Fails with what to do when the jar was not built (e.g. a test run with -pl of another module only). */
    public static void requirePackaged(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged service " + jar.toAbsolutePath().normalize()
                    + " is missing. `./mvnw -B verify` from the repository root builds it first (the root pom lists"
                    + " enrollment-service before the modules whose ITs run it); to build it alone:"
                    + " `./mvnw -B -o package -pl enrollment-service -am -DskipTests`.");
        }
    }

    /** The API of the instance on {@code port}, with the IT organization's key. */
    public static RequestSpecification api(int port) {
        return api(port, KEY);
    }

    /** The API of the instance on {@code port}, with {@code apiKey}. */
    public static RequestSpecification api(int port, String apiKey) {
        return given().port(port).basePath("/sequences/v1").header("x-api-key", apiKey).contentType(ContentType.JSON);
    }

    public static void awaitReady(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                given().port(port).get("/q/health/ready").then().statusCode(200));
    }

    /** Stops the process (SIGTERM, then SIGKILL after 30 s) and waits for it to end. */
    public static void stop(Process process) throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
