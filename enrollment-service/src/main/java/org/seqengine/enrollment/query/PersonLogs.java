package org.seqengine.enrollment.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.kafka.KafkaClients;
import org.seqengine.schemas.Topic;
import org.seqengine.service.error.ApiException;

/**
 * Everything an append-only log holds under one key (a person's events, send requests): the one
 * partition that holds the key (the default partitioner's {@code murmur2(key) % partitions}, as every
 * producer of these logs keys by {@code org/person}), read with {@code read_committed} from its
 * beginning to its end offset, keeping the records of that key. The cost is one partition scan per
 * call (every person of that partition passes through), acceptable for a rare export; no index of
 * the logs by person exists, by design (it would be one more copy to erase).
 */
@ApplicationScoped
public class PersonLogs {

    private static final Logger LOG = Logger.getLogger(PersonLogs.class);
    /** A bound on one scan: beyond it the export answers 503 rather than hold the request forever. */
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    KafkaClients clients;

    /** The values under {@code key}, in log order; records that do not decode (poison) are left out. */
    public <V> List<V> read(Topic<String, V> topic, String key) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        Map<String, Object> props = clients.base("enrollment-export");
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        props.put("max.poll.records", "5000");
        long deadline = System.nanoTime() + SCAN_TIMEOUT.toNanos();
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.name(), SCAN_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) return List.of();
            TopicPartition partition = new TopicPartition(topic.name(),
                    Utils.toPositive(Utils.murmur2(keyBytes)) % partitions.size());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), SCAN_TIMEOUT).get(partition); // the last stable offset
            while (consumer.position(partition, SCAN_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw ApiException.unavailable("Reading " + topic.name() + " took too long; retry the export.");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end && r.value() != null && Arrays.equals(keyBytes, r.key())) {
                        V value = decode(topic, r.value());
                        if (value != null) values.add(value);
                    }
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not read %s for an export", topic.name());
            throw ApiException.unavailable("Could not read " + topic.name() + " from Kafka; retry the export.");
        }
        return values;
    }

    private static <V> V decode(Topic<String, V> topic, byte[] bytes) {
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
        } catch (RuntimeException poison) {
            return null;
        }
    }
}
