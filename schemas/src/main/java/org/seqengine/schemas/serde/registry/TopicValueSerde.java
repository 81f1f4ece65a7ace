package org.seqengine.schemas.serde.registry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.seqengine.schemas.serde.AvroSerde;

/**
 * The value serde of one Avro topic: writes the Confluent wire format to its own topic when registry
 * mode is on, the single-object encoding otherwise, and reads both (by the first bytes), so switching
 * registry mode on in a running system leaves every old record readable.
 *
 * <p>Only the topic's own name goes through the registry: Kafka Streams calls serdes with changelog
 * and repartition topic names too, which have no subject, so those (the state stores) keep the
 * single-object encoding. Thread-safe.
 */
public final class TopicValueSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final String topic;
    private final AvroSerde<T> singleObject;
    private final Supplier<Optional<RegistryCodec>> registry;

    /** The serde of {@code topic}, following the process's {@link SchemaRegistryMode}. */
    public TopicValueSerde(String topic, AvroSerde<T> singleObject) {
        this(topic, singleObject, SchemaRegistryMode::codec);
    }

    /** The serde of {@code topic} with an explicit registry choice (tests, tools). */
    public TopicValueSerde(String topic, AvroSerde<T> singleObject, Supplier<Optional<RegistryCodec>> registry) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.singleObject = Objects.requireNonNull(singleObject, "singleObject");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The topic whose values go through the registry (subject {@code <topic>-value}). */
    public String topic() {
        return topic;
    }

    /** The generated class of the values. */
    public Class<T> type() {
        return singleObject.type();
    }

    /** The current schema of the values. */
    public Schema schema() {
        return singleObject.schema();
    }

    @Override
    public byte[] serialize(String topicName, T data) {
        if (data == null) {
            return null;
        }
        Optional<RegistryCodec> codec = topic.equals(topicName) ? registry.get() : Optional.empty();
        if (codec.isEmpty()) {
            return singleObject.encode(data);
        }
        try {
            return codec.get().encode(topicName, data);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot encode " + type().getSimpleName() + " for " + topicName
                    + " through the schema registry at " + codec.get().registryUrl() + " (is subject " + topicName
                    + "-value registered? see seqctl schemas register): " + e, e);
        }
    }

    @Override
    public T deserialize(String topicName, byte[] data) {
        if (data == null) {
            return null;
        }
        if (WireFormat.isSingleObjectEncoded(data)) {
            return singleObject.decode(data);
        }
        if (WireFormat.isRegistryEncoded(data)) {
            int id = WireFormat.schemaId(data);
            RegistryCodec codec = registry.get().orElseThrow(() -> new SerializationException("a " + type().getSimpleName()
                    + " on " + topicName + " is in the schema registry's wire format (schema id " + id
                    + ") but registry mode is off: set SCHEMA_REGISTRY_URL"));
            Schema writer;
            try {
                writer = codec.schemaById(id);
            } catch (SchemaRegistryUnavailableException e) {
                throw e; // not a bad record: read it again when the registry answers
            } catch (RuntimeException e) {
                throw new SerializationException("cannot fetch schema id " + id + " from " + codec.registryUrl()
                        + " to decode a " + type().getSimpleName() + " on " + topicName + ": " + e, e);
            }
            return singleObject.decodeBody(writer, data, WireFormat.HEADER_LENGTH);
        }
        throw new SerializationException("cannot decode " + type().getSimpleName() + " on " + topicName + " from "
                + data.length + " bytes: neither Avro single-object encoding (C3 01) nor the schema registry's wire format (00)");
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured by the process's SchemaRegistryMode
    }

    @Override
    public void close() {
        // shared instance: nothing to release
    }

    @Override
    public String toString() {
        return "TopicValueSerde[" + topic + ", " + type().getSimpleName() + "]";
    }
}
