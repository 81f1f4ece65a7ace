package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.kafka.CommandGateway;
import org.seqengine.enrollment.kafka.ReplyListener;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;

/** The reply path cannot die silently: bad records are skipped, failures restart it, readiness tells. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ReplyListenerTest {

    @Inject
    CommandGateway gateway;

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void undecodableReplyRecordsAreSkippedAndCommandsStillGetTheirAnswer() throws Exception {
        ReplyListener listener = gateway.replyListener();
        long skippedBefore = listener.skippedRecords();
        long restartsBefore = listener.restarts();
        int partitions;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TopicReader.clientProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            partitions = producer.partitionsFor(Topics.COMMAND_REPLIES.name()).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(Topics.COMMAND_REPLIES.name(), p, "org-a/x",
                        "not a reply".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.skippedRecords() >= skippedBefore + partitions);

        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).body(Map.of()).post("/people/" + person + "/opt-out").then().statusCode(200)
                .body("is_opted_out", equalTo(true));
        assertThat(listener.restarts()).isEqualTo(restartsBefore);
        assertThat(listener.running()).isTrue();
    }

    @Test
    void readinessIsDownWhileTheListenerIsNotRunning() {
        ReplyListener listener = gateway.replyListener();
        listener.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.given().get("/q/health/ready")
                    .then().statusCode(503)
                    .body("checks.find { it.name == 'command-reply-listener' }.status", equalTo("DOWN")));
        } finally {
            listener.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'command-reply-listener' }.status", equalTo("UP")));
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).body(Map.of()).post("/people/" + person + "/opt-out").then().statusCode(200);
    }

    @Test
    void listenerRestartsAfterAnUnexpectedErrorAndResumesWhereItWas() throws Exception {
        String bad = "boom-" + TestData.id();
        String after = "after-" + TestData.id();
        List<String> handled = new CopyOnWriteArrayList<>();
        ReplyListener listener = new ReplyListener(ReplyListenerTest::consumer, reply -> {
            handled.add(reply.getCommandId());
            if (reply.getCommandId().equals(bad)) throw new IllegalStateException("bug in a reply handler");
        }, Duration.ofMillis(200), Duration.ofSeconds(1));
        listener.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(listener::running);
            publishReply(bad);
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.restarts() == 1);
            publishReply(after);
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(after));
            assertThat(handled.stream().filter(bad::equals)).as("the failing record is not handled again").hasSize(1);
            assertThat(listener.running()).isTrue();
            assertThat(listener.restarts()).isEqualTo(1);
        } finally {
            listener.stop();
        }
        assertThat(listener.running()).isFalse();
    }

    @Test
    void aSynchronousSendFailureLeavesNothingPending() {
        // an Enroll without a sequence id cannot be serialized: KafkaProducer.send throws at once
        String commandId = TestData.id();
        EnrollmentCommand unsendable = new EnrollmentCommand.Enroll(
                new CommandMeta(commandId, "org-a", TestData.id(), Instant.now(), "test", null), null, List.of("a@b.test"));

        CompletableFuture<CommandReplyRecord> first = gateway.send(unsendable);
        assertThat(first).isCompletedExceptionally();
        assertThat(gateway.isPending(commandId)).isFalse();

        CompletableFuture<CommandReplyRecord> retry = gateway.send(unsendable);
        assertThat(retry).as("a retry with the same id fails on its own, it does not wait on the first")
                .isNotSameAs(first).isCompletedExceptionally();
        assertThat(gateway.isPending(commandId)).isFalse();
    }

    private static void publishReply(String commandId) throws Exception {
        CommandReplyRecord reply = CommandReplyRecord.newBuilder().setCommandId(commandId).setOrgId("org-a")
                .setPersonId("nobody").setDuplicate(false).build();
        try (KafkaProducer<String, CommandReplyRecord> producer = new KafkaProducer<>(TopicReader.clientProps(),
                Topics.COMMAND_REPLIES.keySerde().serializer(), Topics.COMMAND_REPLIES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMAND_REPLIES.name(), "org-a/nobody", reply)).get();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = TopicReader.clientProps();
        props.put("isolation.level", "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
