package org.seqengine.mailer.kafka;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.mailer.domain.SendLedger;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.personal.PersonalSeal;
import org.seqengine.service.kafka.DeadLetters;

/**
 * Send requests through the real broker: results, dedupe of a redelivered request, step-numbered tags, the DLQ, sealed
 * requests opened with the keys of people.keys.v1 (and not opened once a key is tombstoned).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class MailerSimulatorTest {

    private static final String API_KEY = "key-a-123";
    private static KafkaProducer<String, byte[]> producer;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PersonKeys keys;

    @BeforeAll
    static void openProducer() {
        Properties props = TopicReader.clientProps();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void aSendRequestYieldsItsResultsUnderThePersonsKey() {
        SendRequestRecord request = request(UUID.randomUUID().toString(), "ada+reply-positive@example.com", 0);
        send(request);

        List<DeliveryResultRecord> results = awaitResults(request.getRequestId(), 2);
        assertThat(results).extracting(DeliveryResultRecord::getOutcome).containsExactly("SENT", "REPLIED");
        DeliveryResultRecord reply = results.get(1);
        assertThat(reply.getClassification()).isEqualTo("POSITIVE");
        assertThat(reply.getSubject()).isEqualTo("Re: Hello Ada");
        assertThat(reply.getEnrollmentId()).isEqualTo(request.getEnrollmentId());
        assertThat(reply.getStepIndex()).isZero();
        assertThat(results).extracting(DeliveryResultRecord::getResultId).doesNotHaveDuplicates();
        assertThat(TopicReader.readToEnd(Topics.DELIVERY_RESULTS.name()).stream()
                .filter(r -> decode(r).getRequestId().equals(request.getRequestId())))
                .extracting(ConsumerRecord::key).containsOnly(key(request));
        assertThat(count(request.getRequestId()).getLong("sends")).isEqualTo(1);
    }

    @Test
    void aRedeliveredRequestYieldsNothingNewAndIsCountedOnce() {
        SendRequestRecord request = request(UUID.randomUUID().toString(), "grace+bounce@example.com", 0);
        send(request);
        List<DeliveryResultRecord> first = awaitResults(request.getRequestId(), 1);
        assertThat(first).extracting(DeliveryResultRecord::getOutcome).containsExactly("BOUNCED");

        send(request); // at-least-once delivery: the same request again
        await().atMost(Duration.ofSeconds(30)).until(() -> count(request.getRequestId()).getLong("received") == 2);
        // a later request of the same person (same partition) has its results: the duplicate was processed before it
        SendRequestRecord later = request(request, UUID.randomUUID().toString(), 1);
        send(later);
        awaitResults(later.getRequestId(), 1);

        assertThat(resultsOf(request.getRequestId())).isEqualTo(first);
        JsonPath counts = count(request.getRequestId());
        assertThat(counts.getLong("sends")).isEqualTo(1);
        assertThat(counts.getLong("received")).isEqualTo(2);
        JsonPath summary = given().header("x-api-key", API_KEY).get("/mailer/sends")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getLong("duplicates_received")).isPositive();
        assertThat(summary.getLong("total_sends")).isEqualTo(summary.getLong("distinct_requests"));
        assertThat(summary.getInt("sent_more_than_once_count")).isZero();
        assertThat(summary.getList("sent_more_than_once")).isEmpty();
    }

    @Test
    void aStepNumberedTagRepliesOnlyOnItsStep() {
        SendRequestRecord step1 = request(UUID.randomUUID().toString(), "alan+reply-positive-2@example.com", 0);
        SendRequestRecord step2 = request(step1, UUID.randomUUID().toString(), 1);
        send(step1);
        send(step2);

        assertThat(awaitResults(step2.getRequestId(), 2)).extracting(DeliveryResultRecord::getOutcome)
                .containsExactly("SENT", "REPLIED");
        assertThat(resultsOf(step1.getRequestId())).extracting(DeliveryResultRecord::getOutcome).containsExactly("SENT");
        assertThat(resultsOf(step2.getRequestId()).get(1).getClassification()).isEqualTo("POSITIVE");
    }

    @Test
    void aMalformedRequestGoesToTheDlqAndTheNextOneStillFlows() {
        SendRequestRecord good = request(UUID.randomUUID().toString(), "edsger@example.com", 0);
        String key = key(good);
        byte[] garbage = ("not a send request " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.SEND_REQUESTS.name(), key, garbage));
        send(good);

        assertThat(awaitResults(good.getRequestId(), 1)).extracting(DeliveryResultRecord::getOutcome)
                .containsExactly("SENT");
        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(Topics.SEND_REQUESTS.dlqName(),
                r -> key.equals(r.key()));
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(TopicReader.header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.SEND_REQUESTS.name());
        assertThat(TopicReader.header(dead, DeadLetters.SOURCE_OFFSET)).isNotBlank();
        assertThat(TopicReader.header(dead, DeadLetters.ERROR_CLASS)).isEqualTo(
                "org.apache.kafka.common.errors.SerializationException");
    }

    @Test
    void theLedgerIsRebuiltFromTheCommittedResults() {
        SendRequestRecord request = request(UUID.randomUUID().toString(), "barbara+optout@example.com", 0);
        send(request);
        awaitResults(request.getRequestId(), 2);

        SendLedger rebuilt = new SendLedger();
        SentRequestsReader.readInto(rebuilt, bootstrapServers, Duration.ofSeconds(60));

        assertThat(rebuilt.countOf(request.getRequestId()).sends()).isEqualTo(1);
        assertThat(rebuilt.sentMoreThanOnceCount()).isZero();
    }

    @Test
    void aSealedRequestIsOpenedWithThePersonsKeyAndItsReplySubjectIsSealed() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", UUID.randomUUID().toString(), Instant.now());
        publishKey(key);
        SendRequestRecord request = sealed(key, "zed+reply-positive@example.com", "Hello Zed");
        send(request);

        List<DeliveryResultRecord> results = awaitResults(request.getRequestId(), 2);
        assertThat(results).extracting(DeliveryResultRecord::getOutcome).containsExactly("SENT", "REPLIED");
        DeliveryResultRecord reply = results.get(1);
        assertThat(reply.getClassification()).isEqualTo("POSITIVE");
        assertThat(reply.getSubject()).isNull();
        assertThat(PersonalSeal.openField(key, reply.getSealed(), "subject")).isEqualTo("Re: Hello Zed");
        assertThat(results.get(0).getSealed()).isNull(); // SENT has no subject to seal
    }

    @Test
    void aSealedRequestWaitsForItsKeyToBeRead() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", UUID.randomUUID().toString(), Instant.now());
        SendRequestRecord request = sealed(key, "yan+reply-neutral@example.com", "Hi Yan");
        send(request); // the key comes after the request: the mailer waits for it
        publishKey(key);

        List<DeliveryResultRecord> results = awaitResults(request.getRequestId(), 2);
        assertThat(PersonalSeal.openField(key, results.get(1).getSealed(), "subject")).isEqualTo("Re: Hi Yan");
        assertThat(count(request.getRequestId()).getLong("sends")).isEqualTo(1);
    }

    @Test
    void aSealedRequestWhoseKeyNeverComesGoesToTheDlqAndTheNextOneStillFlows() {
        PersonKeyRecord neverPublished = PersonalSeal.newKey("org-a", UUID.randomUUID().toString(), Instant.now());
        SendRequestRecord orphan = sealed(neverPublished, "xia@example.com", "Hello Xia");
        send(orphan);
        // the same person's next (clear) request is on the same partition, after the orphan
        SendRequestRecord next = request(orphan.getEnrollmentId(), "xia@example.com", 1);
        next.setPersonId(orphan.getPersonId());
        send(next);

        assertThat(awaitResults(next.getRequestId(), 1)).extracting(DeliveryResultRecord::getOutcome)
                .containsExactly("SENT");
        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(Topics.SEND_REQUESTS.dlqName(),
                r -> key(orphan).equals(r.key()));
        assertThat(TopicReader.header(dead, DeadLetters.ERROR_MESSAGE)).contains("cannot be opened")
                .contains(orphan.getRequestId()).doesNotContain("xia@example.com");
        assertThat(resultsOf(orphan.getRequestId())).isEmpty();
        assertThat(count(orphan.getRequestId()).getLong("sends")).isZero();
    }

    @Test
    void aTombstoneDropsTheKeySoTheErasedPersonsRequestsAreNotOpened() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", UUID.randomUUID().toString(), Instant.now());
        String person = key.getOrgId() + "/" + key.getPersonId();
        publishKey(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.get(person) != null);

        publish(Topics.PEOPLE_KEYS.name(), person, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.get(person) == null && keys.isErased(person));

        SendRequestRecord request = sealed(key, "wim+reply-positive@example.com", "Hello Wim");
        send(request);
        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(Topics.SEND_REQUESTS.dlqName(),
                r -> key(request).equals(r.key()));
        assertThat(TopicReader.header(dead, DeadLetters.ERROR_MESSAGE)).contains("no key of " + person);
        assertThat(resultsOf(request.getRequestId())).isEmpty();
    }

    @Test
    void theCountsNeedAnApiKey() {
        given().get("/mailer/sends").then().statusCode(401);
        given().header("x-api-key", API_KEY).get("/mailer/sends/never-seen").then().statusCode(200)
                .body("sends", org.hamcrest.Matchers.equalTo(0));
    }

    // ---------------------------------------------------------------- helpers

    private static SendRequestRecord request(String enrollmentId, String toEmail, int stepIndex) {
        return SendRequestRecord.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setOrgId("org-a")
                .setPersonId(UUID.randomUUID().toString())
                .setEnrollmentId(enrollmentId)
                .setSequenceId("seq-1")
                .setSequenceVersion(1)
                .setStepIndex(stepIndex)
                .setAttempt(1)
                .setMailboxId("mbx-1")
                .setFromEmail("sender@example.org")
                .setToEmail(toEmail)
                .setSubject("Hello Ada")
                .setBody("Hi")
                .setRequestedAt(Instant.now())
                .build();
    }

    /** A request as enrollment-service writes it now: to_email, subject and body only sealed with the person's key. */
    private static SendRequestRecord sealed(PersonKeyRecord key, String toEmail, String subject) {
        SendRequestRecord request = request(UUID.randomUUID().toString(), null, 0);
        request.setPersonId(key.getPersonId());
        request.setSubject(null);
        request.setBody(null);
        request.setSealed(PersonalSeal.seal(key, Map.of("to_email", toEmail, "subject", subject, "body", "Hi")));
        return request;
    }

    private static void publishKey(PersonKeyRecord key) {
        publish(Topics.PEOPLE_KEYS.name(), key.getOrgId() + "/" + key.getPersonId(),
                Topics.PEOPLE_KEYS.valueSerde().serializer().serialize(Topics.PEOPLE_KEYS.name(), key));
    }

    private static void publish(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same person and enrollment, another step. */
    private static SendRequestRecord request(SendRequestRecord previous, String requestId, int stepIndex) {
        return SendRequestRecord.newBuilder(previous).setRequestId(requestId).setStepIndex(stepIndex).build();
    }

    private static String key(SendRequestRecord request) {
        return request.getOrgId() + "/" + request.getPersonId();
    }

    private static void send(SendRequestRecord request) {
        try {
            producer.send(new ProducerRecord<>(Topics.SEND_REQUESTS.name(), key(request),
                    Topics.SEND_REQUESTS.valueSerde().serializer().serialize(Topics.SEND_REQUESTS.name(), request))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeliveryResultRecord decode(ConsumerRecord<String, byte[]> record) {
        return Topics.DELIVERY_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    /** Waits until the request has at least {@code count} committed results; returns them all, in order. */
    private static List<DeliveryResultRecord> awaitResults(String requestId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> resultsOf(requestId).size() >= count);
        return resultsOf(requestId);
    }

    private static List<DeliveryResultRecord> resultsOf(String requestId) {
        return TopicReader.readToEnd(Topics.DELIVERY_RESULTS.name()).stream().map(MailerSimulatorTest::decode)
                .filter(r -> r.getRequestId().equals(requestId)).toList();
    }

    private static JsonPath count(String requestId) {
        return given().header("x-api-key", API_KEY).get("/mailer/sends/" + requestId)
                .then().statusCode(200).extract().jsonPath();
    }
}
