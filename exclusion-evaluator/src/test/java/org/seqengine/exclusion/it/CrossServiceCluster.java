package org.seqengine.exclusion.it;

import static org.seqengine.deploy.PackagedService.awaitReady;
import static org.seqengine.deploy.PackagedService.freePort;
import static org.seqengine.deploy.PackagedService.jarOf;
import static org.seqengine.deploy.PackagedService.requirePackaged;

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
 * The services as deployed, for the cross-service ITs: the packaged enrollment-service and two
 * packaged exclusion-evaluator instances (what-if merges their shares), on the test JVM's one
 * broker ({@link KafkaBrokerResource}). Started once per test JVM by the first IT class that asks
 * ({@code @BeforeAll}), shared by every IT class, killed when the JVM exits: at once, as the broker
 * stops then too (a graceful stop would wait on it) and their state is thrown away anyway. Not
 * closed by JUnit: Surefire may run each class in its own launcher request, which would close a
 * root-store resource after the first class. Logs: {@code target/it-services/*.log}.
 */
final class CrossServiceCluster {

    static final String ORG = "org-e2e";
    static final String KEY = "key-e2e-0123456789";
    static final String ENROLLMENT = "enrollment-service";
    static final String EVALUATOR = "exclusion-evaluator";

    private static CrossServiceCluster running;
    private static RuntimeException failed;

    final int enrollmentPort;
    final List<Integer> evaluatorPorts;

    private CrossServiceCluster(int enrollmentPort, List<Integer> evaluatorPorts) {
        this.enrollmentPort = enrollmentPort;
        this.evaluatorPorts = evaluatorPorts;
    }

    /** The running cluster, started on first use; a failed start fails every later caller the same way. */
    static synchronized CrossServiceCluster get() {
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

    /** enrollment-service's API with the IT organization's key. */
    RequestSpecification enrollment() {
        return PackagedService.api(enrollmentPort, KEY);
    }

    /** The API of evaluator instance {@code i} (0 or 1). */
    RequestSpecification evaluator(int i) {
        return PackagedService.api(evaluatorPorts.get(i), KEY);
    }

    private static CrossServiceCluster start() throws IOException {
        Path enrollmentJar = jarOf(ENROLLMENT);
        Path evaluatorJar = jarOf(EVALUATOR);
        requirePackaged(enrollmentJar);
        requirePackaged(evaluatorJar);
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        Path dir = Path.of("target", "it-services");
        if (Files.exists(dir)) { // the previous run's logs and state
            try (var old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("ENROLLMENT_API_KEYS", ORG + ":" + KEY);
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly),
                "cross-service-cluster-kill"));
        int enrollmentPort = freePort();
        processes.add(PackagedService.start(enrollmentJar, bootstrap, enrollmentPort, dir.resolve(run + "-enrollment-state"),
                dir.resolve(ENROLLMENT + ".log"), env));
        List<Integer> evaluatorPorts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            evaluatorPorts.add(port);
            processes.add(PackagedService.start(evaluatorJar, bootstrap, port, dir.resolve(run + "-evaluator-state-" + i),
                    dir.resolve(EVALUATOR + "-" + i + ".log"), env));
        }
        awaitReady(enrollmentPort);
        evaluatorPorts.forEach(PackagedService::awaitReady);
        return new CrossServiceCluster(enrollmentPort, List.copyOf(evaluatorPorts));
    }
}
