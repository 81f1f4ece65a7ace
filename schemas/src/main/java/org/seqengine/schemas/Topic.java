package org.seqengine.schemas;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.seqengine.schemas.serde.registry.TopicValueSerde;

/**
 * A Kafka topic: its name, key and value serdes, and whether it is compacted.
 * Instances live in {@link Topics}; no topic name is written anywhere else.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    private static final Pattern VERSIONED = Pattern.compile("^(.+)\\.(v\\d+)$");

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /**
     * Name of this topic's dead-letter topic: {@code enrollment.commands.v1 -> enrollment.commands.dlq.v1}
     * (a name without a version suffix gets {@code .dlq} appended).
     */
    public String dlqName() {
        Matcher m = VERSIONED.matcher(name);
        return m.matches() ? m.group(1) + ".dlq." + m.group(2) : name + ".dlq";
    }

    /** The generated Avro class of the values; empty when the values are not Avro (a {@code Long}). */
    public Optional<Class<?>> avroValueType() {
        return valueSerde instanceof TopicValueSerde<?> avro ? Optional.of(avro.type()) : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
