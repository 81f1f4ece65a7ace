package org.seqengine.mailer.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;
import org.seqengine.mailer.domain.Outcome;
import org.seqengine.mailer.domain.SendLedger;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.DeliveryResultRecord;

/**
 * Rebuilds the ledger of sent requests from the committed delivery results (the mailer's own output): every
 * SENT, BOUNCED or FAILED result is one email sent for its request. So a restarted mailer still knows what it sent,
 * and a duplicate result in the topic shows up as a request sent twice.
 */
public final class SentRequestsReader {

    private static final Logger LOG = Logger.getLogger(SentRequestsReader.class);
    private static final Deserializer<DeliveryResultRecord> RESULTS = Topics.DELIVERY_RESULTS.valueSerde().deserializer();

    private SentRequestsReader() {
    }

    /** Reads steps.delivery-results.v1 from its beginning to its end now (read_committed) into the ledger. */
    public static long readInto(SendLedger ledger, String bootstrapServers, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "mailer-simulator-rebuild");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long deadline = System.nanoTime() + timeout.toNanos();
        long sends = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = Topics.DELIVERY_RESULTS.name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String requestId = sentRequestId(record);
                    if (requestId != null) {
                        ledger.recordSent(requestId);
                        sends++;
                    }
                }
            }
        }
        LOG.infof("rebuilt the ledger from the delivery results: %d send(s) of %d request(s)", sends,
                ledger.distinctRequests());
        return sends;
    }

    /** The request a result reports the sending of; null for a reaction (REPLIED, OPT_OUT) or unreadable bytes. */
    private static String sentRequestId(ConsumerRecord<byte[], byte[]> record) {
        try {
            DeliveryResultRecord result = RESULTS.deserialize(record.topic(), record.value());
            return result != null && Outcome.valueOf(result.getOutcome()).isSendAttempt() ? result.getRequestId() : null;
        } catch (RuntimeException e) {
            LOG.warnf("skipped an unreadable delivery result %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }
}
