package org.seqengine.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Runs a real single-node KRaft Kafka broker (combined broker + controller) from Kafka's own jars,
 * for the local run command ({@code deploy/run-local.sh}). Unlike {@link TestBroker}, its data
 * survives a restart: the storage is formatted only once.
 *
 * <p>Command line: {@code KafkaLauncher [--port 9092] [--data-dir .run-local/kafka-data]} (or the
 * environment variables {@code KAFKA_PORT} and {@code KAFKA_DATA_DIR}). The client listener
 * (PLAINTEXT) is {@code 127.0.0.1:port}, the controller listener {@code 127.0.0.1:port+1}. Once
 * clients can connect it prints {@value #READY_PREFIX}{@code 127.0.0.1:<port>}; SIGTERM or SIGINT
 * stops it cleanly.
 *
 * <p>Programmatic use: {@link #start(int, Path)} then {@link #close()}.
 */
public final class KafkaLauncher implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9092;
    public static final String DEFAULT_DATA_DIR = ".run-local/kafka-data";
    /** The line printed once the broker accepts clients starts with this. */
    public static final String READY_PREFIX = "Kafka ready on ";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final Path dataDir;
    private final KafkaRaftServer server;
    private volatile boolean stopped;

    private KafkaLauncher(int port, Path dataDir, KafkaRaftServer server) {
        this.port = port;
        this.dataDir = dataDir;
        this.server = server;
    }

    /**
     * Writes {@code server.properties} into {@code dataDir}, formats the storage if it is not
     * formatted yet, starts the broker and returns once a client can reach it.
     */
    public static KafkaLauncher start(int port, Path dataDir) {
        if (port < 1 || port > 65534) {
            throw new IllegalArgumentException("port must be in 1..65534 (the controller uses port+1): " + port);
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Properties props = serverProperties(port, dir);
        Path configFile = writeConfig(dir, props);
        format(configFile, clusterId(dir));

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        KafkaLauncher launcher = new KafkaLauncher(port, dir, server);
        try {
            server.startup();
            launcher.awaitClientsAccepted(READY_TIMEOUT);
            return launcher;
        } catch (RuntimeException | Error e) {
            try {
                launcher.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The broker configuration this launcher runs with. */
    public static Properties serverProperties(int port, Path dataDir) {
        int controllerPort = port + 1;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        TestBroker.SINGLE_NODE_PROPS.forEach(p::setProperty);
        return p;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Blocks until the broker has shut down (after {@link #close()}, or a fatal error). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Stops the broker and waits for it to finish; the data stays. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitClientsAccepted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        Exception last = null;
        try (Admin admin = Admin.create(adminProps)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e; // not up yet: the next call waits again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IllegalStateException("Kafka did not accept clients on " + bootstrapServers()
                + " within " + timeout.toSeconds() + " s", last);
    }

    private static Path writeConfig(Path dataDir, Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "written by " + KafkaLauncher.class.getName() + " on every start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broker configuration into " + dataDir, e);
        }
    }

    /** The cluster id of already formatted storage (the format check insists on it), else a new one. */
    private static String clusterId(Path dataDir) {
        Path meta = dataDir.resolve("logs").resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties existing = new Properties();
            try (InputStream in = Files.newInputStream(meta)) {
                existing.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + meta, e);
            }
            String id = existing.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** Formats the storage once; a formatted directory is left as it is, so data survives restarts. */
    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {
                    "format",
                    "--cluster-id", clusterId,
                    "--config", configFile.toString(),
                    "--ignore-formatted"}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not format the Kafka storage: "
                    + output.toString(StandardCharsets.UTF_8).trim(), e);
        }
        if (status != 0) {
            throw new IllegalStateException("Could not format the Kafka storage (exit " + status + "): "
                    + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    // ---------------------------------------------------------------- command line

    public static void main(String[] args) {
        quietLogging();
        int port;
        Path dataDir;
        try {
            Options options = Options.parse(args);
            if (options.help) {
                System.out.println(USAGE);
                return;
            }
            port = options.port;
            dataDir = options.dataDir;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }

        KafkaLauncher launcher;
        try {
            launcher = start(port, dataDir);
        } catch (RuntimeException e) {
            System.err.println("Kafka failed to start on " + HOST + ":" + port + " (data: " + dataDir + "): " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Thread hook = new Thread(() -> {
            System.out.println("Stopping Kafka on " + launcher.bootstrapServers() + " ...");
            launcher.close();
            System.out.println("Kafka stopped");
            System.out.flush();
        }, "kafka-launcher-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        System.out.println(READY_PREFIX + launcher.bootstrapServers()
                + " (controller " + HOST + ":" + (port + 1) + ", data " + launcher.dataDir() + ")");
        System.out.flush();
        launcher.awaitShutdown();
    }

    /** Broker logs go through SLF4J; the launcher's classpath has slf4j-simple. Default it to WARN. */
    private static void quietLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel",
                envOr("KAFKA_LOG_LEVEL", "warn").toLowerCase(Locale.ROOT));
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final String USAGE = """
            usage: KafkaLauncher [--port PORT] [--data-dir DIR]
              --port PORT      client (PLAINTEXT) port on 127.0.0.1, default 9092 (env KAFKA_PORT);
                               the controller listens on PORT+1
              --data-dir DIR   where the broker keeps its data, default .run-local/kafka-data
                               (env KAFKA_DATA_DIR); formatted once, kept across restarts
              env KAFKA_LOG_LEVEL  broker log level, default warn""";

    private record Options(int port, Path dataDir, boolean help) {
        static Options parse(String[] args) {
            int port = parsePort(envOr("KAFKA_PORT", String.valueOf(DEFAULT_PORT)));
            Path dataDir = Path.of(envOr("KAFKA_DATA_DIR", DEFAULT_DATA_DIR));
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "-h", "--help" -> help = true;
                    case "--port", "--data-dir" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        if (name.equals("--port")) {
                            port = parsePort(value);
                        } else {
                            dataDir = Path.of(value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Options(port, dataDir, help);
        }

        private static int parsePort(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port number: " + value);
            }
        }
    }
}
