package org.seqengine.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running inside this JVM,
 * started from Kafka's own test kit. Meant for tests: its data lives in a temp directory that is
 * deleted on {@link #close()}.
 *
 * <pre>{@code
 * try (TestBroker broker = TestBroker.start()) {
 *     broker.createTopics(List.of(new NewTopic("t", 1, (short) 1)));
 *     ... broker.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class TestBroker implements AutoCloseable {

    /** Broker settings every single-node broker of this project needs (replication factor 1). */
    public static final Map<String, String> SINGLE_NODE_PROPS = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false");

    /**
     * Broker defaults under which logs are rolled, compacted and deleted within seconds instead of days: for tests
     * that check a value is gone from the broker's files (an erased person). Every segment older than a second is
     * rolled at the next append, the cleaner compacts any log with a little dirt at once and keeps tombstones for a
     * second, deleted segments leave the disk at once, and retention is checked every second.
     */
    public static final Map<String, String> FAST_LOG_CLEANUP = Map.of(
            "log.roll.ms", "1000",
            "log.cleaner.backoff.ms", "200",
            "log.cleaner.min.cleanable.ratio", "0.01",
            "log.cleaner.min.compaction.lag.ms", "0",
            "log.cleaner.delete.retention.ms", "1000",
            "log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024),
            "log.segment.delete.delay.ms", "0",
            "log.retention.check.interval.ms", "1000",
            "log.initial.task.delay.ms", "1000");

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private volatile boolean closed;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /** Formats, starts and waits for a fresh broker; typically takes 2–3 s. */
    public static TestBroker start() {
        return start(Map.of());
    }

    /**
     * A fresh broker with these broker settings on top of {@link #SINGLE_NODE_PROPS} (e.g. {@link #FAST_LOG_CLEANUP}).
     */
    public static TestBroker start(Map<String, String> brokerProps) {
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SINGLE_NODE_PROPS.forEach(builder::setConfigProp);
            brokerProps.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestBroker(cluster);
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start the in-process Kafka broker", e);
        }
    }

    /** {@code host:port} of the broker's client listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory of everything the broker writes (its log directories and the metadata log), deleted on close. */
    public Path dataDirectory() {
        return Path.of(cluster.nodes().baseDirectory());
    }

    /** Client properties with {@code bootstrap.servers} set, a base for producers, consumers and admins. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** Creates the topics; topics that already exist are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(clientProperties())) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            List<Exception> failures = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failures.add(e);
                    }
                } catch (TimeoutException e) {
                    failures.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topics", e);
                }
            }
            if (!failures.isEmpty()) {
                IllegalStateException error = new IllegalStateException("Could not create topics " + results.keySet());
                failures.forEach(error::addSuppressed);
                throw error;
            }
        }
    }

    /**
     * Appends a tombstone of an unused key ({@code test-broker-filler/<uuid>}) to every partition of every compacted
     * topic (internal {@code __} topics aside): under {@link #FAST_LOG_CLEANUP}, an active segment older than a second
     * rolls with it, so the cleaner can compact what it holds. A reader of the topic sees the delete of a key it never
     * had.
     */
    public void rollCompactedTopics() {
        try (Admin admin = Admin.create(clientProperties());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clientProperties(), new StringSerializer(),
                     new ByteArraySerializer())) {
            List<String> topics = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .stream().filter(t -> !t.startsWith("__")).sorted().toList();
            if (topics.isEmpty()) {
                return;
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> compacted = topics.stream().filter(t -> {
                ConfigEntry policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t))
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG);
                return policy != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT);
            }).toList();
            if (compacted.isEmpty()) {
                return;
            }
            for (TopicDescription topic : admin.describeTopics(compacted).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    producer.send(new ProducerRecord<>(topic.name(), partition.partition(),
                            "test-broker-filler/" + UUID.randomUUID(), null));
                }
            }
            producer.flush();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not append to the compacted topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while appending to the compacted topics", e);
        }
    }

    /** Sets {@code retention.ms} of the topics whose name {@code matches} (e.g. delete-policy internal topics). */
    public void setRetention(Predicate<String> matches, Duration retention) {
        try (Admin admin = Admin.create(clientProperties())) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (String topic : admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (matches.test(topic)) {
                    changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())),
                            AlterConfigOp.OpType.SET)));
                }
            }
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(changes).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not set the retention of topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the retention of topics", e);
        }
    }

    /** Stops the broker and deletes its data. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not stop the in-process Kafka broker", e);
        }
    }
}
