package org.seqengine.stepscheduler.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CompleteStepCommand;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.DispatchStepCommand;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.service.kafka.DeadLetters;

/**
 * The service on the real broker: delivery results become commands exactly once (a duplicate result
 * carries the same command id), a malformed one goes to the DLQ and the bridge goes on; an
 * enrollment written to enrollments.v1 gets its DispatchStep; the mailbox schedule API.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class StepSchedulerServiceTest {

    private static final String ORG = "org-a";
    private static final String KEY = "key-a-123";

    @Test
    void aDeliveryResultBecomesExactlyOneCommandAndADuplicateCarriesTheSameCommandId() {
        String person = UUID.randomUUID().toString();
        String resultId = UUID.randomUUID().toString();
        DeliveryResultRecord result = result(resultId, person, "SENT");
        send(Topics.DELIVERY_RESULTS, ORG + "/" + person, result);
        String marker = UUID.randomUUID().toString();
        send(Topics.DELIVERY_RESULTS, ORG + "/" + person, result(marker, person, "BOUNCED")); // same partition, after it

        List<CommandEnvelope> seen = commandsUntil("result:" + marker);
        List<CommandEnvelope> forResult = seen.stream().filter(c -> c.getCommandId().equals("result:" + resultId)).toList();
        assertThat(forResult).singleElement().satisfies(c -> {
            assertThat(c.getPersonId()).isEqualTo(person);
            assertThat(((CompleteStepCommand) c.getPayload()).getEnrollmentId()).isEqualTo("enr-" + person);
            assertThat(((CompleteStepCommand) c.getPayload()).getStepIndex()).isEqualTo(0);
        });

        send(Topics.DELIVERY_RESULTS, ORG + "/" + person, result); // delivered twice
        String marker2 = UUID.randomUUID().toString();
        send(Topics.DELIVERY_RESULTS, ORG + "/" + person, result(marker2, person, "SENT"));
        List<CommandEnvelope> again = commandsUntil("result:" + marker2).stream()
                .filter(c -> c.getCommandId().equals("result:" + resultId)).toList();
        assertThat(again).hasSize(2).allSatisfy(c -> assertThat(c).isEqualTo(forResult.get(0)));
    }

    @Test
    void aMalformedResultGoesToTheDeadLetterTopicAndTheBridgeGoesOn() {
        String person = UUID.randomUUID().toString();
        String key = ORG + "/" + person;
        sendRaw(Topics.DELIVERY_RESULTS.name(), key, ("garbage " + person).getBytes(StandardCharsets.UTF_8));
        String next = UUID.randomUUID().toString();
        send(Topics.DELIVERY_RESULTS, key, result(next, person, "OPT_OUT"));

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(Topics.DELIVERY_RESULTS.dlqName(), r -> key.equals(r.key()));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("garbage " + person);
        assertThat(TopicReader.header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.DELIVERY_RESULTS.name());
        assertThat(TopicReader.header(dead, DeadLetters.ERROR)).isNotBlank();
        assertThat(commandsUntil("result:" + next)).isNotEmpty();
    }

    @Test
    void anEnrollmentGetsItsDispatchStepAndItsMailboxShowsTheSend() {
        String sequence = UUID.randomUUID().toString();
        String mailbox = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        String enrollment = UUID.randomUUID().toString();
        SequenceRecord s = SequenceRecord.newBuilder().setOrgId(ORG).setId(sequence).setName("demo").setIsPublished(true)
                .setIsPaused(false).setVersion(1).setSteps(new ArrayList<>(List.of(StepRecord.newBuilder().setType("EMAIL")
                        .setWaitDays(0).setSubject("Hi").setBody("Hello").build()))).build();
        send(Topics.SEQUENCES, ORG + "/" + sequence, s);
        send(Topics.SEQUENCE_VERSIONS, ORG + "/" + sequence + "/1", s);
        send(Topics.MAILBOXES, ORG + "/" + mailbox, MailboxRecord.newBuilder().setOrgId(ORG).setId(mailbox)
                .setEmail("sender@example.com").setIsPaused(false).setIsUnauthorized(false).setDailyLimit(50).build());
        send(Topics.ENROLLMENTS, ORG + "/" + enrollment, EnrollmentRecord.newBuilder().setId(enrollment).setOrgId(ORG)
                .setPersonId(person).setSequenceId(sequence).setMailboxId(mailbox).setCreatedAt(Instant.now())
                .setUpdatedAt(Instant.now()).setNextStepIndex(0).setStepsCompleted(0).setCanceled(false).build());

        String id = "dispatch:" + enrollment + ":0:1";
        CommandEnvelope dispatch = commandsUntil(id).stream().filter(c -> c.getCommandId().equals(id)).findFirst().orElseThrow();
        assertThat(dispatch.getPersonId()).isEqualTo(person);
        assertThat(((DispatchStepCommand) dispatch.getPayload()).getAttempt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("x-api-key", KEY).get("/sequences/v1/mailboxes/" + mailbox + "/schedule")
                        .then().statusCode(200)
                        .body("mailbox_id", equalTo(mailbox))
                        .body("daily_limit", equalTo(50))
                        .body("sends_in_rolling_day", equalTo(1))
                        .body("queue_size", equalTo(0)));
    }

    @Test
    void theMailboxScheduleNeedsAKeyAndAnswersOnlyForTheKeysOrganization() {
        String mailbox = UUID.randomUUID().toString();
        given().get("/sequences/v1/mailboxes/" + mailbox + "/schedule").then().statusCode(401);
        given().header("x-api-key", KEY).get("/sequences/v1/mailboxes/not-a-uuid/schedule").then().statusCode(400);
        send(Topics.MAILBOXES, ORG + "/" + mailbox, MailboxRecord.newBuilder().setOrgId(ORG).setId(mailbox)
                .setEmail("other@example.com").setIsPaused(true).setIsUnauthorized(false).build());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("x-api-key", KEY).get("/sequences/v1/mailboxes/" + mailbox + "/schedule")
                        .then().statusCode(200).body("is_paused", equalTo(true)).body("daily_limit", equalTo(200)));
        given().header("x-api-key", "key-b-456").get("/sequences/v1/mailboxes/" + mailbox + "/schedule")
                .then().statusCode(404).body("status", equalTo("not_found"));
    }

    private static DeliveryResultRecord result(String resultId, String person, String outcome) {
        return DeliveryResultRecord.newBuilder().setResultId(resultId).setRequestId("req-" + person).setOrgId(ORG)
                .setPersonId(person).setEnrollmentId("enr-" + person).setStepIndex(0).setOutcome(outcome)
                .setOccurredAt(Instant.parse("2026-11-24T10:00:00Z")).build();
    }

    /** Every committed command from the start of the topic until the one with {@code commandId}. */
    private static List<CommandEnvelope> commandsUntil(String commandId) {
        return TopicReader.awaitRecords(Topics.COMMANDS.name(), r -> commandId.equals(decode(r).getCommandId())).stream()
                .map(StepSchedulerServiceTest::decode).toList();
    }

    private static CommandEnvelope decode(ConsumerRecord<String, byte[]> r) {
        return Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private static <V> void send(Topic<String, V> topic, String key, V value) {
        sendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TopicReader.clientProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }
}
