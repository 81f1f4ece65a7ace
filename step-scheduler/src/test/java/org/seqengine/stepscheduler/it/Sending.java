package org.seqengine.stepscheduler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.personal.PersonalSeal;

/**
 * What the sending ITs do to the services, as a user with curl (or a connector, for a topic) would.
 * Every test makes its own mailbox, sequence and people, so the tests run side by side.
 */
final class Sending {

    /** Bound of one wait for the loop to move (a few scheduler days of {@link SendingCluster#DAY_LENGTH}, on a loaded machine). */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private Sending() {}

    static SendingCluster cluster() {
        return SendingCluster.get();
    }

    static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- reference data ----

    /** A mailbox of {@code owner} (paused or not); answers its id. */
    static String mailbox(String email, String owner, boolean paused) {
        String id = UUID.randomUUID().toString();
        putMailbox(id, email, owner, paused);
        return id;
    }

    static void putMailbox(String id, String email, String owner, boolean paused) {
        cluster().enrollment().body(Map.of("email", email, "display_name", "Sender", "owner_id", owner,
                        "is_paused", paused, "is_unauthorized", false))
                .put("/mailboxes/" + id).then().statusCode(200);
    }

    static Map<String, Object> email(int waitDays, String subject, String body) {
        return Map.of("type", "EMAIL", "wait_days", waitDays, "subject", subject, "body", body);
    }

    static Map<String, Object> task(int waitDays, String body) {
        return Map.of("type", "TASK", "wait_days", waitDays, "body", body);
    }

    /** Three emails, due 0, 1 and 1 scheduler days after the previous one. */
    static List<Map<String, Object>> threeEmails() {
        return List.of(email(0, "Hello {{first_name}}", "Hi {{first_name}}, ..."),
                email(1, "Following up", "Hi {{first_name}}, following up ..."),
                email(1, "Last note", "Hi {{first_name}}, one last note ..."));
    }

    /** A published sequence with these steps, no send window; answers its id. */
    @SafeVarargs
    static String sequence(String name, Map<String, Object>... steps) {
        return sequence(name, Arrays.asList(steps));
    }

    static String sequence(String name, List<Map<String, Object>> steps) {
        String id = UUID.randomUUID().toString();
        cluster().enrollment().body(Map.of("name", name, "is_published", true, "is_paused", false, "steps", steps))
                .put("/sequences/" + id).then().statusCode(200);
        return id;
    }

    /** A person with this address and CRM attributes; answers the id. */
    static String person(String email, Map<String, String> attributes) {
        String id = UUID.randomUUID().toString();
        putPerson(id, email, attributes);
        return id;
    }

    static String person(String email) {
        return person(email, Map.of());
    }

    static void putPerson(String id, String email, Map<String, String> attributes) {
        cluster().enrollment().body(Map.of("email", email, "first_name", "Pat", "last_name", "Doe",
                        "company_domain", "prospects.example", "do_not_email", false, "email_opt_out", false,
                        "attributes", attributes))
                .put("/people/" + id).then().statusCode(200);
    }

    // ---- enrollments ----

    /**
     * Enrolls (retried until the decider has the reference data written a moment ago, which reaches
     * it through compacted topics); answers the created enrollment as the 201 showed it.
     */
    static JsonPath enroll(String sequence, String person, String mailboxEmail) {
        List<JsonPath> created = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> created.add(cluster().enrollment()
                .body(Map.of("sequence_id", sequence, "person_id", person, "mailbox_emails", List.of(mailboxEmail)))
                .post("/enrollments").then().statusCode(201).extract().jsonPath()));
        return created.get(created.size() - 1);
    }

    static JsonPath enrollment(String id) {
        return cluster().enrollment().get("/enrollments/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the enrollment shows {@code displayStatus}; answers it as then read. */
    static JsonPath awaitDisplayStatus(String id, String displayStatus) {
        return awaitEnrollment(id, e -> assertThat(e.getString("display_status"))
                .as("display_status of %s", id).isEqualTo(displayStatus));
    }

    /** Waits until {@code check} passes on the enrollment as read; answers it as then read. */
    static JsonPath awaitEnrollment(String id, Consumer<JsonPath> check) {
        List<JsonPath> read = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath e = enrollment(id);
            read.add(e);
            check.accept(e);
        });
        return read.get(read.size() - 1);
    }

    // ---- what was sent ----

    /** The send requests written for the enrollment so far (committed), by step index. */
    static Map<Integer, SendRequestRecord> sendRequestsOf(String enrollment) {
        Map<Integer, SendRequestRecord> byStep = new HashMap<>();
        TopicReader.readToEnd(Topics.SEND_REQUESTS.name()).stream()
                .map(r -> Topics.SEND_REQUESTS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(r -> r != null && r.getEnrollmentId().equals(enrollment))
                .forEach(r -> {
                    SendRequestRecord before = byStep.put(r.getStepIndex(), r);
                    if (before != null && !before.getRequestId().equals(r.getRequestId())) {
                        throw new AssertionError("step " + r.getStepIndex() + " of " + enrollment
                                + " was requested twice with different ids: " + before.getRequestId() + ", " + r.getRequestId());
                    }
                });
        return byStep;
    }

    /**
     * What a send request asks to send ({@code to_email}, {@code subject}, {@code body}): opened with the person's key
     * from people.keys.v1 when sealed (as enrollment-service writes them now), else its clear fields.
     */
    static Map<String, String> letter(SendRequestRecord r) {
        if (r.getSealed() == null) {
            Map<String, String> clear = new HashMap<>();
            clear.put("to_email", r.getToEmail());
            clear.put("subject", r.getSubject());
            clear.put("body", r.getBody());
            return clear;
        }
        String person = Keys.of(r.getOrgId(), r.getPersonId());
        PersonKeyRecord key = TopicReader.readToEnd(Topics.PEOPLE_KEYS.name()).stream()
                .filter(k -> person.equals(k.key()))
                .map(k -> k.value() == null ? null
                        : Topics.PEOPLE_KEYS.valueSerde().deserializer().deserialize(k.topic(), k.value()))
                .reduce((first, second) -> second).orElse(null);
        return PersonalSeal.open(key, r.getSealed()).orElseThrow(() ->
                new AssertionError("the sealed values of request " + r.getRequestId() + " do not open"));
    }

    /** Waits until the simulator has sent {@code requestId} (its ledger follows its commits), then answers how often. */
    static int awaitSends(String requestId) {
        List<Integer> sends = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            int n = cluster().mailer().get("/mailer/sends/" + requestId).then().statusCode(200)
                    .body("request_id", equalTo(requestId)).extract().path("sends");
            sends.add(n);
            assertThat(n).as("sends of %s", requestId).isPositive();
        });
        return sends.get(sends.size() - 1);
    }

    /** The simulator's summary: {@code total_sends}, {@code sent_more_than_once_count}, ... */
    static JsonPath mailerSummary() {
        return cluster().mailer().get("/mailer/sends").then().statusCode(200).extract().jsonPath();
    }

    // ---- topics, as another service would write them ----

    static <V> void publish(Topic<String, V> topic, String orgId, String id, V value) throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        props.put("acks", "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), Keys.of(orgId, id), value)).get();
        }
    }
}
