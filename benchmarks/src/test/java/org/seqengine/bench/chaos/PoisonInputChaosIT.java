package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.ServiceProcess;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.OptOutCommand;

/**
 * Chaos case 3: poison input on every topic the service's Kafka Streams pipeline reads — random
 * bytes and an unknown schema fingerprint everywhere; on the commands topic also a missing key and
 * a command the decider rejects as invalid (unknown enum value). Each lands in the topic's DLQ with
 * {@code dlq.*} headers, the service stays ready (Streams RUNNING), and the next good command is
 * decided.
 */
class PoisonInputChaosIT {

    /** The topics the pipeline consumes (sources and global stores). */
    private static final List<Topic<String, ?>> INPUTS = List.of(Topics.COMMANDS, Topics.SEQUENCES, Topics.MAILBOXES,
            Topics.RULESETS, Topics.EXCLUSION_RULES, Topics.PEOPLE, Topics.EXCLUSION_MATCHES, Topics.ENROLLMENTS,
            Topics.UNENROLL_JOBS);

    @TempDir
    Path work;

    @Test
    void everyPoisonRecordLandsInItsDlqAndThePipelineKeepsDeciding() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, 10);
            }
            ServiceProcess.Settings settings = ServiceProcess.Settings.of(ChaosSupport.serviceJar(), bootstrap,
                    work.resolve("state"), work.resolve("service.log")).with(List.of("-Xmx512m"), Map.of());
            try (ServiceProcess service = ServiceProcess.start(settings)) {
                service.awaitReady(Duration.ofMinutes(3));

                Map<String, Integer> expected = new LinkedHashMap<>();
                Random random = new Random(3);
                try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                    for (Topic<String, ?> topic : INPUTS) {
                        byte[] key = ("bench-org/poison-" + topic.name()).getBytes(StandardCharsets.UTF_8);
                        byte[] noise = new byte[64];
                        random.nextBytes(noise);
                        producer.send(new ProducerRecord<>(topic.name(), key, noise));
                        // Avro single-object encoding marker (C3 01) with a fingerprint no schema has
                        byte[] unknown = new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 2, 'x', 0};
                        producer.send(new ProducerRecord<>(topic.name(), key, unknown));
                        expected.put(topic.dlqName(), 2);
                    }
                    CommandEnvelope good = Fixture.enroll("poison-keyless", 1, 0);
                    producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), null,
                            Topics.COMMANDS.valueSerde().serializer().serialize(Topics.COMMANDS.name(), good)));
                    CommandEnvelope invalid = Fixture.optOut("poison-bad-enum", 2);
                    invalid.setPayload(OptOutCommand.newBuilder().setSource("NOT_A_SOURCE").build());
                    Fixture.sendCommand(producer, invalid);
                    expected.merge(Topics.COMMANDS.dlqName(), 2, Integer::sum);
                }

                Map<String, Integer> found = new LinkedHashMap<>();
                List<String> missingHeaders = new ArrayList<>();
                try {
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        found.clear();
                        missingHeaders.clear();
                        for (String dlq : expected.keySet()) {
                            Verifier.readAll(bootstrap, dlq, r -> {
                                found.merge(dlq, 1, Integer::sum);
                                if (r.headers().lastHeader("dlq.source.topic") == null
                                        || r.headers().lastHeader("dlq.error") == null) {
                                    missingHeaders.add(dlq + "@" + r.offset());
                                }
                            });
                        }
                        return expected.entrySet().stream().allMatch(e -> found.getOrDefault(e.getKey(), 0) >= e.getValue());
                    });
                } catch (ConditionTimeoutException e) {
                    // the assertions below say which DLQ stayed short
                }
                System.out.println("[chaos poison] dead letters per DLQ: " + found + " (expected at least " + expected + ")");

                assertThat(found).as("dead letters per DLQ").containsAllEntriesOf(expected);
                assertThat(missingHeaders).as("dead letters without dlq.* headers").isEmpty();
                service.awaitReady(Duration.ofSeconds(30));
                HttpResponse<String> enrolled = ChaosSupport.HTTP.send(HttpRequest.newBuilder(
                                URI.create(service.baseUrl() + "/sequences/v1/enrollments"))
                        .header("x-api-key", ServiceProcess.API_KEY).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sequence_id\":\"" + Fixture.sequenceId(1)
                                + "\",\"person_id\":\"" + Fixture.personId(5) + "\",\"mailbox_emails\":[\""
                                + Fixture.mailboxEmail(0) + "\"]}")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
            }
        }
    }
}
