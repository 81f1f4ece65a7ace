package org.seqengine.stepscheduler.it;

import static io.restassured.RestAssured.given;
import static org.seqengine.deploy.PackagedService.awaitReady;
import static org.seqengine.deploy.PackagedService.freePort;
import static org.seqengine.deploy.PackagedService.jarOf;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.PackagedService;

/**
 * The sending loop as deployed, for the ITs: the packaged enrollment-service, step-scheduler and
 * mailer-simulator on the test JVM's one broker ({@link KafkaBrokerResource}), every one with a
 * scheduler day of {@value #DAY_LENGTH} so a three-step sequence runs in about 20 s. Started once
 * per test JVM by the first IT that asks, shared by every IT class, killed when the JVM exits (at
 * once: the broker stops then too, and their state is thrown away). Not closed by JUnit, as
 * exclusion-evaluator's {@code CrossServiceCluster}. Logs: {@code target/it-services/*.log}.
 */
final class SendingCluster {

    static final String ORG = "org-send-it";
    static final String KEY = "key-send-it-0123456789";
    static final String DAY_LENGTH = "PT10S";
    static final String ENROLLMENT = "enrollment-service";
    static final String SCHEDULER = "step-scheduler";
    static final String MAILER = "deploy/mailer-simulator";

    private static SendingCluster running;
    private static RuntimeException failed;

    final int enrollmentPort;
    final int mailerPort;

    private SendingCluster(int enrollmentPort, int mailerPort) {
        this.enrollmentPort = enrollmentPort;
        this.mailerPort = mailerPort;
    }

    /** The running cluster, started on first use; a failed start fails every later caller the same way. */
    static synchronized SendingCluster get() {
        if (failed != null) throw failed;
        if (running == null) {
            try {
                running = start();
            } catch (IOException e) {
                failed = new UncheckedIOException(e);
                throw failed;
            } catch (RuntimeException | Error e) {
                failed = new IllegalStateException("The services did not start: " + e.getMessage()
                        + " (logs: target/it-services/)", e);
                throw failed;
            }
        }
        return running;
    }

    /** enrollment-service's API ({@code /sequences/v1}) with the IT organization's key. */
    RequestSpecification enrollment() {
        return PackagedService.api(enrollmentPort, KEY);
    }

    /** mailer-simulator's HTTP root ({@code /mailer/sends}) with the IT organization's key. */
    RequestSpecification mailer() {
        return given().port(mailerPort).header("x-api-key", KEY);
    }

    private static SendingCluster start() throws IOException {
        Path enrollmentJar = jarOf(ENROLLMENT);
        Path schedulerJar = jarOf(SCHEDULER);
        Path mailerJar = jarOf(MAILER);
        List.of(enrollmentJar, schedulerJar, mailerJar).forEach(PackagedService::requirePackaged);
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        Path dir = Path.of("target", "it-services");
        if (Files.exists(dir)) { // the previous run's logs and state
            try (var old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("ENROLLMENT_API_KEYS", ORG + ":" + KEY, "SCHEDULER_DAY_LENGTH", DAY_LENGTH);
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly),
                "sending-cluster-kill"));
        int enrollmentPort = freePort();
        int schedulerPort = freePort();
        int mailerPort = freePort();
        processes.add(PackagedService.start(enrollmentJar, bootstrap, enrollmentPort, dir.resolve(run + "-enrollment-state"),
                dir.resolve(ENROLLMENT + ".log"), env));
        processes.add(PackagedService.start(schedulerJar, bootstrap, schedulerPort, dir.resolve(run + "-scheduler-state"),
                dir.resolve(SCHEDULER + ".log"), env));
        processes.add(PackagedService.start(mailerJar, bootstrap, mailerPort, dir.resolve(run + "-mailer-state"),
                dir.resolve("mailer-simulator.log"), env));
        awaitReady(enrollmentPort);
        awaitReady(schedulerPort);
        awaitReady(mailerPort);
        return new SendingCluster(enrollmentPort, mailerPort);
    }
}
