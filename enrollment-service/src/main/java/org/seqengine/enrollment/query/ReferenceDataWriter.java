package org.seqengine.enrollment.query;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.kafka.KafkaClients;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.service.error.ApiException;

/**
 * Upserts reference data onto its compacted topic and returns once the global store shows it, so a
 * client that PUTs a person and then enrolls them never races its own write.
 */
@ApplicationScoped
public class ReferenceDataWriter {

    private static final java.time.Duration POLL_INTERVAL = java.time.Duration.ofMillis(5);

    @Inject
    KafkaClients clients;

    @Inject
    EnrollmentConfig config;

    @Inject
    EnrollmentQueries queries;

    @Inject
    ClusterRouter router;

    private KafkaProducer<byte[], byte[]> producer;

    void start(@Observes StartupEvent ignored) {
        Map<String, Object> props = clients.base("enrollment-api-reference");
        props.put("acks", "all");
        props.put("enable.idempotence", true);
        props.put("linger.ms", 0);
        // send() blocks the request thread while metadata is missing: bound it like every other wait
        props.put("max.block.ms", config.commandTimeout().toMillis());
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }

    public <V> V upsert(GlobalTable<V> table, String orgId, String id, V value) {
        return upsert(table, Keys.of(orgId, id), value);
    }

    /** The organization's record of a table keyed by {@code org_id} alone (settings). */
    public <V> V upsertForOrganization(GlobalTable<V> table, String orgId, V value) {
        return upsert(table, GlobalTable.keyOf(orgId), value);
    }

    private <V> V upsert(GlobalTable<V> table, String key, V value) {
        Topic<String, V> topic = table.topic();
        byte[] encoded = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    encoded)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the request limits keep records under max.request.size; should one still be over, it is
            // the caller's record that is too large, and retrying would not help
            if (e.getCause() instanceof RecordTooLargeException || e instanceof RecordTooLargeException) {
                throw ApiException.payloadTooLarge("The record is larger than Kafka accepts.");
            }
            throw ApiException.unavailable("Could not write to Kafka; retry shortly.");
        }
        awaitVisible(table, key, encoded);
        awaitVisibleOnEveryInstance(table, key, encoded);
        return value;
    }

    /**
     * Waits until this record (by {@code org_id/id}) reads as {@code expected} on every instance;
     * {@code expected == null}: until it is deleted everywhere. For writers of their own (a transaction).
     */
    public <V> void awaitEverywhere(GlobalTable<V> table, String orgId, String id, V expected) {
        String key = Keys.of(orgId, id);
        byte[] encoded = expected == null ? null : table.topic().valueSerde().serializer().serialize(table.topic().name(), expected);
        awaitVisible(table, key, encoded);
        awaitVisibleOnEveryInstance(table, key, encoded);
    }

    /**
     * Each instance decides with its own copy of the global stores: a write is answered once every
     * instance shows it, so a client that PUTs a person and enrolls them through another instance
     * never meets PERSON_NOT_FOUND.
     */
    private <V> void awaitVisibleOnEveryInstance(GlobalTable<V> table, String key, byte[] expected) {
        String wanted = expected == null ? null : java.util.Base64.getEncoder().encodeToString(expected);
        Map<String, String> query = Map.of("store", table.storeName(), "key", key);
        boolean visible = BoundedPoll.until(config.commandTimeout(), POLL_INTERVAL, () -> router.allHosts().stream()
                .filter(host -> !router.isSelf(host))
                .allMatch(host -> java.util.Objects.equals(wanted, router.get(host, "/internal/v1/global-records", query)
                        .map(n -> n.path("record").asText(null)).orElse(null))));
        if (!visible) {
            throw ApiException.unavailable("The write was accepted but is not visible everywhere yet; retry the read shortly.");
        }
    }

    /** Compares encoded bytes: the wire format is the truth (timestamps are millisecond-precise there). */
    private <V> void awaitVisible(GlobalTable<V> table, String key, byte[] expected) {
        ReadOnlyKeyValueStore<String, V> store = queries.store(table);
        boolean visible = BoundedPoll.until(config.commandTimeout(), POLL_INTERVAL, () -> {
            V stored = store.get(key);
            if (expected == null) return stored == null;
            return stored != null && Arrays.equals(expected,
                    table.topic().valueSerde().serializer().serialize(table.topic().name(), stored));
        });
        if (!visible) {
            throw ApiException.unavailable("The write was accepted but is not visible yet; retry the read shortly.");
        }
    }
}
