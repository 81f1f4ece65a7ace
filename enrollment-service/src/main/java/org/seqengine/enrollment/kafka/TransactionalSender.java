package org.seqengine.enrollment.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.seqengine.schemas.Topic;

/**
 * Writes a batch of records to several topics in ONE Kafka transaction: all become visible, or none.
 * One producer per use and instance; its transactional id ends in the instance's advertised address,
 * so a restarted instance fences (and aborts) what a killed one left open at once, instead of
 * holding read_committed readers for a transaction timeout.
 */
public final class TransactionalSender implements AutoCloseable {

    private final Map<String, Object> props;
    private KafkaProducer<byte[], byte[]> producer;

    /** @param base the client settings ({@link KafkaClients#base}); {@code transactionalId} unique per use and instance */
    public TransactionalSender(Map<String, Object> base, String transactionalId) {
        this.props = new java.util.HashMap<>(base);
        props.put("transactional.id", transactionalId);
        props.put("enable.idempotence", true);
        props.put("acks", "all");
        props.put("linger.ms", 5);
        props.put("transaction.timeout.ms", 60_000);
    }

    /** A record of a topic of the registry, encoded with its serdes; a null value is a tombstone. */
    public static <V> ProducerRecord<byte[], byte[]> record(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    /**
     * Sends every record in one transaction and commits it. On failure the transaction is aborted
     * (nothing of it is visible) and the exception rethrown.
     */
    public synchronized void sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        KafkaProducer<byte[], byte[]> p = producer();
        try {
            p.beginTransaction();
            for (ProducerRecord<byte[], byte[]> r : records) p.send(r);
            p.commitTransaction();
        } catch (RuntimeException e) {
            try {
                p.abortTransaction();
            } catch (RuntimeException abortFailed) {
                p.close(Duration.ZERO);
                producer = null;
            }
            throw e;
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) producer.close(Duration.ofSeconds(5));
        producer = null;
    }
}
