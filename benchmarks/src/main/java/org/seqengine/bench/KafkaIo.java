package org.seqengine.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;

/** Kafka clients and topics for the harness; every name comes from {@code schemas}' {@link Topics}. */
public final class KafkaIo {

    private KafkaIo() {
    }

    /**
     * Creates every topic of {@link Topics} and its DLQ as the service would (same partitions,
     * compaction), so data can be produced before the service starts.
     */
    public static void createTopics(String bootstrap, int partitions) {
        createTopics(bootstrap, partitions, (short) 1);
    }

    public static void createTopics(String bootstrap, int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> t : Topics.all()) {
            NewTopic topic = new NewTopic(t.name(), partitions, replicationFactor);
            if (t.compacted()) {
                topic.configs(Map.of("cleanup.policy", "compact"));
            } else if (t == Topics.EVENTS) {
                topic.configs(Map.of("retention.ms", "-1"));
            }
            topics.add(topic);
            topics.add(new NewTopic(t.dlqName(), partitions, replicationFactor));
        }
        createTopics(bootstrap, topics);
    }

    public static void createTopics(String bootstrap, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create " + topic.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the consumer group (a Streams application id) has consumed everything on every
     * partition it reads: an offset committed on some partition of each of {@code inputTopics}
     * (topics known to hold data), committed offset within 1 of the end offset (a transaction's
     * commit marker takes an offset) on every partition it committed, and no commit moved for a
     * second. Returns the seconds it took; throws on timeout.
     */
    public static double awaitGroupCaughtUp(String bootstrap, String groupId, List<String> inputTopics, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<TopicPartition, Long> previous = Map.of();
        String lag = "no offsets committed";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                        .forEach((tp, offset) -> {
                            if (offset != null) {
                                committed.put(tp, offset.offset());
                            }
                        });
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                long behind = committed.entrySet().stream()
                        .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue() - 1)).sum();
                boolean allInputs = inputTopics.stream().allMatch(topic ->
                        committed.keySet().stream().anyMatch(tp -> tp.topic().equals(topic)));
                if (allInputs && behind == 0 && committed.equals(previous)) {
                    return (System.nanoTime() - start) / 1e9;
                }
                lag = behind + " records behind on " + committed.size() + " partitions";
                previous = committed;
                Thread.sleep(1000);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of group " + groupId, e);
        }
        throw new IllegalStateException("group " + groupId + " not caught up within " + timeout.toSeconds() + " s (" + lag + ")");
    }

    /** An idempotent producer of raw bytes, batched for bulk loading. */
    public static KafkaProducer<byte[], byte[]> bulkProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        return new KafkaProducer<>(p);
    }

    /** A group-less read_committed consumer of raw bytes (the caller assigns partitions). */
    public static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(32 * 1024 * 1024));
        return new KafkaConsumer<>(p);
    }
}
