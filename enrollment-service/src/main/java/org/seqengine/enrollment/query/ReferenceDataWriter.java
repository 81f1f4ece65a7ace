package org.seqengine.enrollment.query;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.api.error.ApiException;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.kafka.KafkaClients;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;

/**
 * Upserts reference data onto its compacted topic and returns once the global store shows it, so a
 * client that PUTs a person and then enrolls them never races its own write.
 */
@ApplicationScoped
public class ReferenceDataWriter {

    @Inject
    KafkaClients clients;

    @Inject
    EnrollmentConfig config;

    @Inject
    EnrollmentQueries queries;

    private KafkaProducer<byte[], byte[]> producer;

    void start(@Observes StartupEvent ignored) {
        Map<String, Object> props = clients.base("enrollment-api-reference");
        props.put("acks", "all");
        props.put("enable.idempotence", true);
        props.put("linger.ms", 0);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }

    public <V> V upsert(Topic<String, V> topic, String storeName, String orgId, String id, V value) {
        String key = Keys.of(orgId, id);
        try {
            producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    topic.valueSerde().serializer().serialize(topic.name(), value))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw ApiException.unavailable("Could not write to Kafka; retry shortly.");
        }
        awaitVisible(topic, storeName, key, value);
        return value;
    }

    /** Compares encoded bytes: the wire format is the truth (timestamps are millisecond-precise there). */
    private <V> void awaitVisible(Topic<String, V> topic, String storeName, String key, V value) {
        byte[] expected = topic.valueSerde().serializer().serialize(topic.name(), value);
        long deadline = System.nanoTime() + config.commandTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ReadOnlyKeyValueStore<String, V> store = queries.store(storeName);
            V stored = store.get(key);
            if (stored != null && Arrays.equals(expected, topic.valueSerde().serializer().serialize(topic.name(), stored))) return;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw ApiException.unavailable("The write was accepted but is not visible yet; retry the read shortly.");
    }
}
