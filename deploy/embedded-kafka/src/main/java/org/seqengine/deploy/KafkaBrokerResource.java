package org.seqengine.deploy;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real in-process Kafka broker ({@link TestBroker}, single-node KRaft) for the whole test run.
 *
 * <p>Use it with {@code @QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)}.
 * The broker starts on first use and is reused by every later test class and Quarkus restart (also
 * across class loaders: its address is kept in a system property); it stops when the JVM exits.
 * No topics are created here: the service creates its own on startup.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** Holds the running broker's address, visible to every class loader of the test JVM. */
    static final String BOOTSTRAP_PROPERTY = "seqengine.test.kafka.bootstrap-servers";

    private static TestBroker broker; // guarded by KafkaBrokerResource.class

    @Override
    public Map<String, String> start() {
        String bootstrap = ensureStarted();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap);
    }

    @Override
    public void stop() {
        // The broker outlives each Quarkus app; a JVM shutdown hook stops it at the end of the run.
    }

    /** The shared broker's {@code host:port}, starting it if no test has yet. */
    public static String bootstrapServers() {
        return ensureStarted();
    }

    private static synchronized String ensureStarted() {
        String running = System.getProperty(BOOTSTRAP_PROPERTY);
        if (running != null) {
            return running;
        }
        synchronized (System.class) { // one lock for every class loader that loads this class
            running = System.getProperty(BOOTSTRAP_PROPERTY);
            if (running != null) {
                return running;
            }
            TestBroker started = TestBroker.start();
            broker = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-kafka-broker-shutdown"));
            System.setProperty(BOOTSTRAP_PROPERTY, started.bootstrapServers());
            return started.bootstrapServers();
        }
    }
}
