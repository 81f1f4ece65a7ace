package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestBrokerTest {

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsTopicsIdempotently() throws Exception {
        List<NewTopic> topics = List.of(new NewTopic("idempotent.v1", 3, (short) 1));
        broker.createTopics(topics);
        broker.createTopics(topics); // already exists: no error

        try (Admin admin = Admin.create(broker.clientProperties())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).contains("idempotent.v1");
            assertThat(admin.describeTopics(List.of("idempotent.v1")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("idempotent.v1").partitions()).hasSize(3);
        }
    }

    @Test
    void producesAndConsumesOneRecord() throws Exception {
        String topic = "roundtrip.v1";
        broker.createTopics(List.of(new NewTopic(topic, 1, (short) 1)));

        Properties producerProps = broker.clientProperties();
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, "org-1/person-1", "hello"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isZero();
        }

        Properties consumerProps = broker.clientProperties();
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-test");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("org-1/person-1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }
}
