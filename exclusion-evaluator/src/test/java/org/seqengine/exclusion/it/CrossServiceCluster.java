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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.PackagedService;

/**
 * The services as deployed, for the cross-service ITs: the packaged enrollment-service and two
 * packaged exclusion-evaluator instances (what-if merges their shares), on the test JVM's one
 * broker ({@link KafkaBrokerResource}). Started once per test JVM by the first IT class that extends
 * with it, shared by every IT class, and stopped by JUnit at the end of the run (the root context
 * closes it), while the broker is still up, so the services shut down cleanly. Logs:
 * {@code target/it-services/*.log}.
 */
final class CrossServiceCluster implements AutoCloseable {

    /** {@code @ExtendWith(CrossServiceCluster.Start.class)}: the cluster is running before the class's tests. */
    static final class Start implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(CrossServiceCluster.class, k -> get(), CrossServiceCluster.class);
        }
    }

    static final String ORG = "org-e2e";
    static final String KEY = "key-e2e-0123456789";
    static final String ENROLLMENT = "enrollment-service";
    static final String EVALUATOR = "exclusion-evaluator";

    private static CrossServiceCluster running;

    final int enrollmentPort;
    final List<Integer> evaluatorPorts;
    private final List<Process> processes;

    private CrossServiceCluster(int enrollmentPort, List<Integer> evaluatorPorts, List<Process> processes) {
        this.enrollmentPort = enrollmentPort;
        this.evaluatorPorts = evaluatorPorts;
        this.processes = processes;
    }

    static synchronized CrossServiceCluster get() {
        if (running == null) {
            try {
                running = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    /** Stops every service (SIGTERM to all at once, then waits; SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process p : processes) PackagedService.stop(p);
    }

    private static CrossServiceCluster start() throws IOException {
        Path enrollmentJar = jarOf(ENROLLMENT);
        Path evaluatorJar = jarOf(EVALUATOR);
        requirePackaged(enrollmentJar);
        requirePackaged(evaluatorJar);
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        Path dir = Files.createDirectories(Path.of("target", "it-services"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("ENROLLMENT_API_KEYS", ORG + ":" + KEY);
        List<Process> processes = new ArrayList<>();
        // a start that fails half-way leaves no process behind
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
        return new CrossServiceCluster(enrollmentPort, List.copyOf(evaluatorPorts), processes);
    }
}
