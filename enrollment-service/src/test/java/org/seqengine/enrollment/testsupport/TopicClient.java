package org.seqengine.enrollment.testsupport;

import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;

/** Publishes to and reads from the test broker's topics, as upstream services and consumers would. */
public final class TopicClient {

    private TopicClient() {}

    public static <V> void publish(Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(props(), topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command straight onto the commands topic (as the step-scheduler or the mailer sends them). */
    public static void send(EnrollmentCommand command) {
        publish(Topics.COMMANDS, Keys.of(command.meta().orgId(), command.meta().personId()), CommandMapper.toAvro(command));
    }

    /**
     * Waits for a committed record of the topic matching {@code wanted}, reading from the beginning.
     * Records that do not decode are skipped: other tests of this JVM write poison to the same topics.
     */
    public static <V> V awaitRecord(Topic<String, V> topic, Predicate<V> wanted) {
        Predicate<byte[]> matches = bytes -> {
            V value = decodeOrNull(topic, bytes);
            return value != null && wanted.test(value);
        };
        return decodeOrNull(topic, TopicReader.awaitRecord(topic.name(), r -> matches.test(r.value())).value());
    }

    /**
     * Every committed record of the topic up to its current end (the last stable offset, for a
     * read_committed consumer): what a consumer starting now would have read once caught up. Call it
     * after the commands whose output you count were answered (their transactions are then committed).
     */
    public static <V> List<ConsumerRecord<String, V>> readToEnd(Topic<String, V> topic) {
        return TopicReader.readToEnd(topic.name()).stream()
                .map(r -> new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(),
                        topic.valueSerde().deserializer().deserialize(r.topic(), r.value())))
                .toList();
    }

    private static <V> V decodeOrNull(Topic<String, V> topic, byte[] bytes) {
        if (bytes == null) return null;
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
        } catch (RuntimeException poison) {
            return null;
        }
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        return props;
    }
}
