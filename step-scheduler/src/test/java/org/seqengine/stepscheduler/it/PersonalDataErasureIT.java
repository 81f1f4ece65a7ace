package org.seqengine.stepscheduler.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.seqengine.deploy.PackagedService.awaitReady;
import static org.seqengine.deploy.PackagedService.freePort;
import static org.seqengine.deploy.PackagedService.jarOf;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.FileScan;
import org.seqengine.deploy.PackagedService;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;

/**
 * Erasing a person, end to end through the packaged services: enrollment-service, exclusion-evaluator, step-scheduler
 * and the mailer simulator on a broker of their own that rolls, compacts and deletes its logs within seconds
 * ({@link TestBroker#FAST_LOG_CLEANUP}; the services' internal topics roll every second too).
 *
 * <p>A person with a distinctive address and name goes through a TASK step and an EMAIL step that render their name,
 * answers the email out of office (the simulator's {@code +ooo-2} tag: the enrollment stays active, paused), and has a
 * CRM record at the evaluator. After {@code DELETE /people/{id}?mode=erase}, once the segments are rolled (a tombstone
 * appended to every partition of every compacted topic, repartition records past a short retention, as time and traffic
 * do in production), neither the broker's files nor any service's state directory holds the address, the names or
 * the CRM value; the enrollment history and the event log remain; the address is suppressed.
 */
class PersonalDataErasureIT {

    private static final String ORG = "org-erase-it";
    private static final String KEY = "key-erase-it-0123456789";
    private static final String DAY_LENGTH = "PT10S";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** How long the files may take to lose the values once the erase is done (rolls, cleaner runs, deletions). */
    private static final Duration ERASURE_PATIENCE = Duration.ofMinutes(3);

    private static TestBroker broker;
    private static final List<Process> processes = new ArrayList<>();
    /** Every service's state directories (enrollment-service has two Streams applications) and logs. */
    private static final Path SERVICE_FILES = Path.of("target", "it-erasure");
    private static int enrollmentPort;
    private static int evaluatorPort;
    private static int mailerPort;

    @BeforeAll
    static void services() throws IOException {
        List<Path> jars = List.of(jarOf("enrollment-service"), jarOf("exclusion-evaluator"), jarOf("step-scheduler"),
                jarOf("deploy/mailer-simulator"));
        jars.forEach(PackagedService::requirePackaged);
        broker = TestBroker.start(TestBroker.FAST_LOG_CLEANUP);
        Path dir = SERVICE_FILES;
        if (Files.exists(dir)) { // the previous run's logs and state
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        enrollmentPort = freePort();
        evaluatorPort = freePort();
        int schedulerPort = freePort();
        mailerPort = freePort();
        Map<String, String> env = Map.of("ENROLLMENT_API_KEYS", ORG + ":" + KEY, "SCHEDULER_DAY_LENGTH", DAY_LENGTH,
                "ENROLLMENT_SUPPRESSION_SECRET", "erase-it-" + UUID.randomUUID(),
                "EXCLUSION_EVALUATOR_URL", "http://127.0.0.1:" + evaluatorPort);
        // the internal topics (changelogs, repartitions) of the Streams services roll every second as well
        String fastSegments = "-Dkafka-streams.topic.segment.ms=1000";
        String[] names = {"enrollment-service", "exclusion-evaluator", "step-scheduler", "mailer-simulator"};
        int[] ports = {enrollmentPort, evaluatorPort, schedulerPort, mailerPort};
        for (int i = 0; i < names.length; i++) {
            Path state = dir.resolve(names[i] + "-state");
            Path log = dir.resolve(names[i] + ".log");
            processes.add(PackagedService.start(jars.get(i), broker.bootstrapServers(), ports[i], state, log, env,
                    fastSegments));
        }
        for (int port : ports) {
            awaitReady(port);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : processes) {
            PackagedService.stop(p);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anErasedPersonLeavesNoPersonalValueInAnyFileKeepsTheHistoryAndIsSuppressed() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        String email = "zelda.quokka-" + m + "+ooo-2@example.com";
        String firstName = "Zelda";
        String lastName = "Quokkanova";
        String crmValue = "quokka-keeper-" + m;
        List<String> personal = List.of(email, firstName, lastName, crmValue);

        // ---- a person enrolled: a task and an email that name them, an out-of-office reply, a CRM record ----
        String sender = "sender-" + m + "@sales.example";
        enrollment().body(Map.of("email", sender, "display_name", "Sender", "owner_id", "owner-" + m,
                "is_paused", false, "is_unauthorized", false)).put("/mailboxes/" + UUID.randomUUID())
                .then().statusCode(200);
        String sequence = UUID.randomUUID().toString();
        enrollment().body(Map.of("name", "Erase " + m, "is_published", true, "is_paused", false, "steps", List.of(
                        Map.of("type", "TASK", "wait_days", 0, "body", "Call {{first_name}} {{last_name}}"),
                        Map.of("type", "EMAIL", "wait_days", 0, "subject", "Hello {{first_name}}",
                                "body", "Hi {{first_name}} {{last_name}}, ..."),
                        Map.of("type", "EMAIL", "wait_days", 1, "subject", "Last note", "body", "Bye {{first_name}}"))))
                .put("/sequences/" + sequence).then().statusCode(200);
        String person = UUID.randomUUID().toString();
        putPerson(person, email, firstName, lastName, m);
        // retried until the decider has the reference data written a moment ago (compacted topics)
        String enrollmentId = await().atMost(PATIENCE).until(() -> enroll(sequence, person, sender),
                r -> r.statusCode() == 201).path("id");

        String task = await().atMost(PATIENCE).ignoreExceptions().until(() -> enrollment().get("/tasks?status=OPEN")
                .then().statusCode(200).extract().jsonPath()
                .<String>getList("data.findAll { it.enrollment_id == '" + enrollmentId + "' }.id").get(0), id -> id != null);
        assertThat(enrollment().post("/tasks/" + task + "/complete").statusCode()).isBetween(200, 299);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                mailer().get("/mailer/sends").then().statusCode(200).extract().jsonPath().getInt("total_sends"))
                .as("emails sent").isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath e = enrollment().get("/enrollments/" + enrollmentId).then().statusCode(200).extract().jsonPath();
            assertThat(e.getString("pause_reason")).as("pause_reason").isEqualTo("OUT_OF_OFFICE");
            assertThat(e.getInt("steps_completed")).isEqualTo(2);
        });

        evaluator().body(Map.of("changes", List.of(Map.of("crm", "salesforce", "object", "person", "id", "003" + m,
                        "person_id", person, "fields", Map.of("title", crmValue)))))
                .post("/crm-changes").then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> evaluator().get("/people/" + person + "/crm").then()
                .statusCode(200).body("records[0].fields.title", org.hamcrest.Matchers.equalTo(crmValue)));

        // ---- erase ----
        String job = enrollment().delete("/people/" + person + "?mode=erase").then().statusCode(202)
                .extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollment().get("/erase-jobs/" + job).then()
                .statusCode(200).extract().<String>path("state")).isEqualTo("COMPLETED"));
        await().atMost(PATIENCE).untilAsserted(() ->
                evaluator().get("/people/" + person + "/crm").then().statusCode(404));

        // the history stays, without the person
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath page = enrollment().get("/enrollments?person_id=" + person).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(page.<String>getList("data.id")).containsExactly(enrollmentId);
            assertThat(page.getString("data[0].status")).isEqualTo("FINISHED");
            assertThat(page.getString("data[0].finish_reason")).isEqualTo("PERSON_ERASED");
            assertThat(page.getBoolean("data[0].person_erased")).isTrue();
        });
        assertThat(eventsOf(person)).as("events of the person in the event log").isPositive();

        // ---- the values leave every file once the segments roll and the cleaner runs ----
        // Repartition topics (delete policy) are purged by Kafka Streams once consumed, but a segment leaves the disk
        // only once rolled, which takes another record, and the test cannot write into them without feeding the
        // services: a short retention stands for production's traffic.
        broker.setRetention(topic -> topic.endsWith("-repartition"), Duration.ofSeconds(1));
        // the services' state directories and their logs: nothing personal is kept or logged
        List<Path> scanned = List.of(SERVICE_FILES, broker.dataDirectory());
        await().atMost(ERASURE_PATIENCE).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    // more than segment.ms after the last write: the active segment of every compacted topic (the
                    // services' and the changelogs) rolls, so the cleaner compacts the person's values away
                    broker.rollCompactedTopics();
                    assertThat(FileScan.filesHolding(scanned, personal)).as("files holding a personal value").isEmpty();
                });

        // ---- the address is suppressed: the person made again cannot be enrolled ----
        String again = UUID.randomUUID().toString();
        putPerson(again, email, firstName, lastName, m);
        await().atMost(PATIENCE).untilAsserted(() -> enroll(sequence, again, sender).then().statusCode(400)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("SUPPRESSED")));
    }

    // ---- the services ----

    private static RequestSpecification enrollment() {
        return PackagedService.api(enrollmentPort, KEY);
    }

    private static RequestSpecification evaluator() {
        return PackagedService.api(evaluatorPort, KEY);
    }

    private static RequestSpecification mailer() {
        return given().port(mailerPort).header("x-api-key", KEY).contentType(ContentType.JSON);
    }

    private static void putPerson(String id, String email, String firstName, String lastName, String m) {
        enrollment().body(Map.of("email", email, "first_name", firstName, "last_name", lastName,
                        "company_domain", "quokka-" + m + ".example", "do_not_email", false, "email_opt_out", false,
                        "attributes", Map.of()))
                .put("/people/" + id).then().statusCode(200);
    }

    /** One enroll call; before the decider has the reference data written a moment ago it may answer 4xx. */
    private static Response enroll(String sequence, String person, String sender) {
        return enrollment().body(Map.of("sequence_id", sequence, "person_id", person, "mailbox_emails", List.of(sender)))
                .post("/enrollments");
    }

    // ---- the broker ----

    /** Records of the person (key {@code org/person}) in the event log, committed ones, from its beginning. */
    private static long eventsOf(String person) {
        Properties props = broker.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String key = Keys.of(ORG, person);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = Topics.EVENTS.name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) mine.add(r);
                });
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return mine.size();
        }
    }
}
