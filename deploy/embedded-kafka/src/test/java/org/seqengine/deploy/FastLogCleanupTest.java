package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker started with {@link TestBroker#FAST_LOG_CLEANUP}: a tombstoned value of a compacted topic, and the records
 * of a delete-policy topic past a short retention, leave the broker's files within seconds once the segments roll.
 */
class FastLogCleanupTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static TestBroker broker;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        broker = TestBroker.start(TestBroker.FAST_LOG_CLEANUP);
        Properties props = broker.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        broker.close();
    }

    @Test
    void aTombstonedValueOfACompactedTopicLeavesTheFilesOnceTheSegmentRolls() throws Exception {
        String topic = "compacted-" + UUID.randomUUID();
        broker.createTopics(List.of(new NewTopic(topic, 2, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        String secret = "secret-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topic, "org/person", secret.getBytes(StandardCharsets.UTF_8))).get();
        producer.send(new ProducerRecord<>(topic, "org/other", "kept".getBytes(StandardCharsets.UTF_8))).get();
        assertThat(FileScan.filesHolding(List.of(broker.dataDirectory()), List.of(secret))).isNotEmpty();

        producer.send(new ProducerRecord<>(topic, "org/person", null)).get();
        await().atMost(PATIENCE).pollDelay(Duration.ofMillis(1500)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    broker.rollCompactedTopics();
                    assertThat(FileScan.filesHolding(List.of(broker.dataDirectory()), List.of(secret))).isEmpty();
                });
        assertThat(FileScan.filesHolding(List.of(broker.dataDirectory()), List.of("kept"))).isNotEmpty();
    }

    @Test
    void recordsOfADeletePolicyTopicLeaveTheFilesPastAShortRetention() throws Exception {
        String topic = "purged-" + UUID.randomUUID() + "-repartition";
        broker.createTopics(List.of(new NewTopic(topic, 1, (short) 1)));
        String secret = "secret-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topic, "k", secret.getBytes(StandardCharsets.UTF_8))).get();
        assertThat(FileScan.filesHolding(List.of(broker.dataDirectory()), List.of(secret))).isNotEmpty();

        broker.setRetention(t -> t.equals(topic), Duration.ofSeconds(1));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(FileScan.filesHolding(List.of(broker.dataDirectory()), List.of(secret))).isEmpty());
    }

    @Test
    void aScanNamesTheFileAndTheValueAndIgnoresMissingRoots() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("file-scan");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a.log"), "xx Zelda yy");
        assertThat(FileScan.filesHolding(List.of(dir, dir.resolve("missing")), List.of("Zelda", "Quokka")))
                .containsExactly(file + ": Zelda");
        java.nio.file.Files.delete(file);
        java.nio.file.Files.delete(dir);
    }
}
