package org.seqengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.seqengine.deploy.KafkaLauncher;

/**
 * A real single-node KRaft broker ({@link KafkaLauncher}) in its own JVM, as in production: the
 * harness JVM only drives load and measures.
 */
public final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a broker with fresh data under {@code dir} and waits until it accepts clients. */
    public static BrokerProcess start(Path dir, String heap) throws IOException, InterruptedException {
        int port = Ports.freePair();
        Files.createDirectories(dir);
        Path log = dir.resolve("kafka.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"),
                KafkaLauncher.class.getName(), "--port", String.valueOf(port),
                "--data-dir", dir.resolve("kafka-data").toString()));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        BrokerProcess broker = new BrokerProcess(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(KafkaLauncher.READY_PREFIX)) {
                return broker;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited before it was ready; see " + log);
            }
            Thread.sleep(200);
        }
        broker.close();
        throw new IllegalStateException("Kafka was not ready within 90 s; see " + log);
    }

    public String bootstrapServers() {
        return KafkaLauncher.HOST + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        ServiceProcess.stop(process, Duration.ofSeconds(30));
    }
}
