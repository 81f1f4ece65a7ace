package org.seqengine.enrollment.it;

import static org.seqengine.deploy.PackagedService.api;
import static org.seqengine.deploy.PackagedService.awaitReady;
import static org.seqengine.deploy.PackagedService.freePort;
import static org.seqengine.deploy.PackagedService.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.UnenrolledEvent;

/**
 * Two packaged instances (same application.id, one broker) behave like one: requests are spread
 * over both; every GET finds every enrollment, lists (a company's too, with its ledger count) are
 * complete and paged, 30 concurrent enrolls of one person split over both give exactly one 201, a
 * bulk job runs once, and a bulk job survives a kill -9 of the instance that created it, mid-job,
 * with nobody unenrolled twice or forgotten.
 * The bulk size is {@code -Dbulk.targets} (default 1000; the 100k run: see enrollment-service/README.md).
 */
class MultiInstanceIT {

    /** Job progress is published every 200 ms here (1 s by default), so the test sees it complete sooner. */
    private static final String JOB_PUBLISH_INTERVAL = "-Denrollment.unenroll-jobs.publish-interval=200MS";

    private static final int BULK_TARGETS = Integer.getInteger("bulk.targets", 1000);

    @TempDir
    Path work;

    @Test
    void twoInstancesAnswerLikeOne() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            int portA = freePort();
            int portB = freePort();
            Process a = start(broker.bootstrapServers(), portA, work.resolve("a"), work.resolve("a.log"), JOB_PUBLISH_INTERVAL);
            Process b = null;
            try {
                awaitReady(portA);
                b = start(broker.bootstrapServers(), portB, work.resolve("b"), work.resolve("b.log"), JOB_PUBLISH_INTERVAL);
                awaitReady(portB);
                int[] ports = {portA, portB};
                String sender = "sender@acme.test";
                api(portA).body(Map.of("email", sender, "display_name", "Sender", "owner_id", "u1",
                        "is_paused", false, "is_unauthorized", false)).put("/mailboxes/" + UUID.randomUUID()).then().statusCode(200);
                String sequence = putSequence(portB);
                String other = putSequence(portA);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        api(portB).get("/sequences/" + sequence).then().statusCode(200));

                // Enrolls spread over both instances; every GET, on either, finds every enrollment at once.
                Map<String, String> personOf = new HashMap<>();
                for (int i = 0; i < 24; i++) {
                    int port = ports[i % 2];
                    String person = putPerson(port, "acme.test");
                    String id = api(ports[(i + 1) % 2]).body(enroll(sequence, person, sender)).post("/enrollments")
                            .then().statusCode(201).extract().path("id");
                    personOf.put(id, person);
                    for (int p : ports) api(p).get("/enrollments/" + id).then().statusCode(200);
                }
                for (String id : personOf.keySet()) {
                    for (int p : ports) {
                        api(p).get("/enrollments/" + id).then().statusCode(200);
                        assertThat(api(p).get("/enrollments?person_id=" + personOf.get(id)).then().statusCode(200)
                                .extract().<List<String>>path("data.id")).containsExactly(id);
                    }
                }
                // Lists are answered across both instances: complete, paged, in id order, on either.
                for (int p : ports) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(walk(p, "sequence_id=" + sequence, 5)).isSorted()
                                    .containsExactlyInAnyOrderElementsOf(personOf.keySet()));
                    assertThat(walk(p, "", 7)).isSorted().containsAll(personOf.keySet());
                }
                // Eligibility sees the active enrollment wherever the person lives.
                String someone = personOf.values().iterator().next();
                for (int p : ports) {
                    assertThat(api(p).get("/people/" + someone + "/eligibility?sequence_id=" + other)
                            .<Boolean>path("eligible")).isFalse();
                }

                // A company's list and its ledger count (the ledger store lives where its topic partition's
                // task runs, one of the two): the same on either instance; so is the dry run's company limit.
                api(portA).body(Map.of("max_active_enrollments_per_company", 24)).put("/rulesets/acme-cap").then().statusCode(200);
                String capped = putSequence(portA, "acme-cap");
                String newcomer = putPerson(portB, "acme.test");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    api(portB).get("/sequences/" + capped).then().statusCode(200);
                    api(portA).get("/people/" + newcomer).then().statusCode(200);
                });
                for (int p : ports) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(api(p).get("/companies/www.ACME.test/enrollments?limit=1")
                                    .<Integer>path("company.active_count")).isEqualTo(24));
                    assertThat(walkCompany(p, "acme.test", 5)).isSorted()
                            .containsExactlyInAnyOrderElementsOf(personOf.keySet());
                    assertThat(api(p).get("/people/" + newcomer + "/eligibility?sequence_id=" + capped)
                            .<List<String>>path("reasons.code")).containsExactly("COMPANY_LIMIT_REACHED");
                }

                // 30 concurrent enrolls of one person, split over both: exactly one 201.
                String contested = putPerson(portA, "acme.test");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        api(portB).get("/people/" + contested).then().statusCode(200));
                ExecutorService pool = Executors.newFixedThreadPool(30);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int port = ports[i % 2];
                    answers.add(pool.submit(() -> api(port).body(enroll(other, contested, sender)).post("/enrollments").statusCode()));
                }
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : answers) codes.add(f.get());
                assertThat(codes).containsOnly(201, 409).filteredOn(c -> c == 201).hasSize(1);

                // A bulk job by sequence created on one instance runs once: every target unenrolled exactly once.
                String job = api(portA).body(Map.of("sequence_id", sequence)).post("/unenroll-jobs")
                        .then().statusCode(202).extract().path("id");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(api(portB).get("/unenroll-jobs/" + job).<String>path("state")).isEqualTo("COMPLETED"));
                Map<String, Object> done = api(portB).get("/unenroll-jobs/" + job).then().extract().path("");
                assertThat(done).containsEntry("total", 24).containsEntry("processed", 24).containsEntry("unenrolled", 24)
                        .containsEntry("skipped", 0).containsEntry("failed", 0);
                assertThat(unenrolledEvents(broker)).hasSize(24).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

                // Bulk at volume, with a kill -9 of the creating instance while the job runs.
                String bulkSequence = putSequence(portA);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        api(portB).get("/sequences/" + bulkSequence).then().statusCode(200));
                List<String> bulkIds = enrollMany(ports, bulkSequence, sender, BULK_TARGETS, pool);
                pool.shutdown();
                Map<String, Object> created = api(portA).body(Map.of("sequence_id", bulkSequence)).post("/unenroll-jobs")
                        .then().statusCode(202).extract().path("");
                a.destroyForcibly().waitFor();
                assertThat(created).containsEntry("state", "RUNNING").containsEntry("total", BULK_TARGETS);
                String bulkJob = (String) created.get("id");
                int portOfB = portB;
                await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(api(portOfB).get("/unenroll-jobs/" + bulkJob).<String>path("state")).isEqualTo("COMPLETED"));
                Map<String, Object> bulk = api(portB).get("/unenroll-jobs/" + bulkJob).then().extract().path("");
                assertThat(bulk).containsEntry("total", BULK_TARGETS).containsEntry("processed", BULK_TARGETS)
                        .containsEntry("unenrolled", BULK_TARGETS).containsEntry("skipped", 0).containsEntry("failed", 0);
                Map<String, Integer> events = unenrolledEvents(broker);
                for (String id : bulkIds) assertThat(events.get(id)).as("Unenrolled events of %s", id).isEqualTo(1);
                assertThat(walk(portB, "sequence_id=" + bulkSequence + "&status=IN_PROGRESS", 500)).isEmpty();
            } finally {
                a.destroyForcibly().waitFor();
                if (b != null) {
                    b.destroy();
                    b.waitFor();
                }
            }
        }
    }

    private static List<String> enrollMany(int[] ports, String sequence, String sender, int count, ExecutorService pool)
            throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = ports[i % 2];
            tasks.add(() -> {
                String person = putPerson(port, "bulk.test");
                return api(port).body(enroll(sequence, person, sender)).post("/enrollments").then().statusCode(201)
                        .extract().path("id");
            });
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) ids.add(f.get());
        return ids;
    }

    /** Unenrolled events per enrollment id on the events topic (committed only). */
    private static Map<String, Integer> unenrolledEvents(TestBroker broker) {
        Properties props = broker.clientProperties();
        props.put("isolation.level", "read_committed");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.EVENTS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, EventEnvelope> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().getPayload() instanceof UnenrolledEvent) {
                        counts.merge(r.value().getEnrollmentId(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static List<String> walk(int port, String query, int limit) {
        return walkPath(port, "/enrollments", query, limit);
    }

    private static List<String> walkCompany(int port, String domain, int limit) {
        return walkPath(port, "/companies/" + domain + "/enrollments", "", limit);
    }

    private static List<String> walkPath(int port, String path, String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + "?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = api(port).get(url).then().statusCode(200).extract().path("");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
            assertThat(data).hasSizeLessThanOrEqualTo(limit);
            data.forEach(e -> ids.add((String) e.get("id")));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return ids;
    }

    private static String putSequence(int port) {
        return putSequence(port, null);
    }

    private static String putSequence(int port, String rulesetId) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Seq", "is_published", true, "is_paused", false,
                "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "subject", "Hi", "body", "Hello"))));
        if (rulesetId != null) body.put("ruleset_id", rulesetId);
        api(port).body(body).put("/sequences/" + id).then().statusCode(200);
        return id;
    }

    private static String putPerson(int port, String domain) {
        String id = UUID.randomUUID().toString();
        api(port).body(Map.of("email", "p-" + id.substring(0, 8) + "@example.com", "first_name", "P",
                "company_domain", domain, "do_not_email", false, "email_opt_out", false)).put("/people/" + id)
                .then().statusCode(200);
        return id;
    }

    private static Map<String, Object> enroll(String sequence, String person, String sender) {
        return Map.of("sequence_id", sequence, "person_id", person, "mailbox_emails", List.of(sender));
    }
}
