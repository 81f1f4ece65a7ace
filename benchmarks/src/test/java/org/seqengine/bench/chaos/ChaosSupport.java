package org.seqengine.bench.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.core.ConditionTimeoutException;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.schemas.avro.CommandEnvelope;

import org.seqengine.bench.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the chaos cases share: the packaged service jars and reads through the public REST API. */
final class ChaosSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private ChaosSupport() {
    }

    static Path serviceJar() {
        return packaged("service.jar", "../enrollment-service/target/quarkus-app/quarkus-run.jar");
    }

    static Path evaluatorJar() {
        return packaged("evaluator.jar", "../exclusion-evaluator/target/quarkus-app/quarkus-run.jar");
    }

    static Path schedulerJar() {
        return packaged("scheduler.jar", "../step-scheduler/target/quarkus-app/quarkus-run.jar");
    }

    static Path mailerJar() {
        return packaged("mailer.jar", "../deploy/mailer-simulator/target/quarkus-app/quarkus-run.jar");
    }

    private static Path packaged(String property, String defaultPath) {
        Path jar = Path.of(System.getProperty(property, defaultPath));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged service is missing: " + jar
                    + " (run ./mvnw -Pchaos verify from the repository root)");
        }
        return jar;
    }

    /**
     * Waits (at most 5 min) until every command sent has an outcome; returns either way, so the
     * verifier reports what is missing.
     */
    static void awaitOutcomes(Set<String> answered, Set<String> sent, ServiceProcess service) {
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> answered.containsAll(sent) || !service.isAlive());
        } catch (ConditionTimeoutException e) {
            // the verifier names the commands without an outcome
        }
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

    /**
     * The enrollment's {@code display_status} as the API shows it, {@code NOT_FOUND} on 404, or
     * {@code UNAVAILABLE} when the service does not answer 200 now (callers poll with Awaitility).
     */
    static String displayStatus(ServiceProcess service, String enrollmentId) throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create(service.baseUrl() + "/sequences/v1/enrollments/" + enrollmentId))
                    .header("x-api-key", ServiceProcess.API_KEY).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return "NOT_FOUND";
            }
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("display_status").asText() : "UNAVAILABLE";
        } catch (IOException e) {
            return "UNAVAILABLE";
        }
    }

    /** The mailer simulator's summary ({@code GET /mailer/sends}). */
    static MailerSends.Summary mailerSummary(ServiceProcess mailer) throws IOException, InterruptedException {
        return MailerSends.summary(mailerGet(mailer, "/mailer/sends"));
    }

    /** How often the mailer simulator sent one request ({@code GET /mailer/sends/{request_id}}). */
    static long mailerSendsOf(ServiceProcess mailer, String requestId) throws IOException, InterruptedException {
        return MailerSends.sendsOfRequest(mailerGet(mailer, "/mailer/sends/" + requestId));
    }

    private static String mailerGet(ServiceProcess mailer, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(mailer.baseUrl() + path))
                .header("x-api-key", ServiceProcess.API_KEY).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Bursts of 1–5 commands for one person, back to back; bursts paced to about {@code perSecond}. */
    static void produceRacingCommands(String bootstrap, int commands, int people, double perSecond, Set<String> sent,
                                      AtomicInteger produced, AtomicReference<Throwable> error) {
        SplittableRandom random = new SplittableRandom(42);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
            int n = 0;
            while (n < commands) {
                int person = random.nextInt(people);
                int burst = 1 + random.nextInt(5);
                for (int b = 0; b < burst && n < commands; b++, n++) {
                    String id = "chaos-" + n;
                    int dice = random.nextInt(100);
                    CommandEnvelope command = dice < 55 ? Fixture.enroll(id, person, random.nextInt(Fixture.SEQUENCES))
                            : dice < 75 ? Fixture.unenrollPerson(id, person)
                            : dice < 88 ? Fixture.optOut(id, person)
                            : Fixture.clearOptOut(id, person);
                    sent.add(id);
                    Fixture.sendCommand(producer, command);
                }
                producer.flush();
                produced.set(n);
                long due = start + (long) (n / perSecond * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (Throwable t) {
            error.set(t);
        }
    }
}
