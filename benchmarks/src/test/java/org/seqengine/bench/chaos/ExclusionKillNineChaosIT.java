package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.bench.CrmToStopScenario;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.ServiceProcess;
import org.seqengine.bench.TopicCounter;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExcludedEvent;

/**
 * Chaos case: kill -9 of exclusion-evaluator under a stream of CRM changes. 3,000 people are
 * actively enrolled; a PERSON rule ({@code person.lifecycle_stage equals customer}, every sequence,
 * remove from active) is in place. 2,000 of them are made to match ({@code customer}), 1,000 are
 * changed without matching ({@code lead}); a fifth of the matching changes is delivered twice, as
 * a connector retries. Half the people's changes go over HTTP ({@code POST /crm-changes}, batches
 * of 10, each retried until 202 as a webhook connector does: a batch cut by a kill may have been
 * published already), half straight onto {@code crm.people-changes.v1}. The evaluator is killed
 * with SIGKILL 3 times while they stream, and restarted on its state directory; its commit
 * interval is 1 s, so each kill lands inside open transactions. Then every matching person's
 * enrollment must have exactly one Excluded event and no other enrollment any
 * ({@link ExclusionVerifier}), and the enrollment invariants must hold ({@link Verifier}).
 */
class ExclusionKillNineChaosIT {

    private static final int MATCHING = 2_000;
    private static final int NOT_MATCHING = 1_000;
    private static final int KILLS = 3;
    private static final double CHANGES_PER_SECOND_EACH_WAY = 50;
    private static final int HTTP_BATCH = 10;
    private static final Instant CHANGED_AT = Instant.parse("2026-11-30T00:00:00Z");

    @TempDir
    Path work;

    @Test
    void everyMatchingEnrollmentIsExcludedExactlyOnceThroughThreeKills() throws Exception {
        int people = MATCHING + NOT_MATCHING;
        try (TestBroker broker = TestBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, people);
                Fixture.publishExclusionRule(producer, CrmToStopScenario.PERSON_RULE, "PERSON", CrmToStopScenario.PERSON_FILTER);
            }
            ServiceProcess.Settings enrollmentSettings = ServiceProcess.Settings.of(ChaosSupport.serviceJar(), bootstrap,
                    work.resolve("enrollment-state"), work.resolve("enrollment-service.log")).with(List.of("-Xmx512m"), Map.of());
            // a fixed transactional.id: the restarted instance fences the killed one's open HTTP transaction
            // at once, instead of read_committed readers waiting for it to time out
            ServiceProcess.Settings evaluatorSettings = ServiceProcess.Settings.of(ChaosSupport.evaluatorJar(), bootstrap,
                    work.resolve("evaluator-state"), work.resolve("exclusion-evaluator.log")).with(List.of(
                    "-Xmx512m",
                    "-Dkafka-streams.commit.interval.ms=1000",
                    "-Dkafka-streams.session.timeout.ms=6000"), Map.of("EXCLUSION_TRANSACTIONAL_ID", "chaos-evaluator-crm-changes"));

            Map<String, String> enrollmentByPerson = new ConcurrentHashMap<>();
            Set<String> enrollCommands = ConcurrentHashMap.newKeySet();
            Set<String> excluded = ConcurrentHashMap.newKeySet();
            ServiceProcess enrollment;
            AtomicReference<ServiceProcess> evaluator = new AtomicReference<>();
            try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), r -> {
                CommandReplyRecord reply = Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (reply.getCommandId().startsWith("chaos-enroll-") && !reply.getEnrollmentIds().isEmpty()) {
                    enrollmentByPerson.put(reply.getPersonId(), reply.getEnrollmentIds().get(0));
                }
            })) {
                enrollment = ServiceProcess.start(enrollmentSettings);
                evaluator.set(ServiceProcess.start(evaluatorSettings));
                try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                    for (int i = 0; i < people; i++) {
                        enrollCommands.add("chaos-enroll-" + i);
                        Fixture.sendCommand(producer, Fixture.enroll("chaos-enroll-" + i, i, i % Fixture.SEQUENCES));
                    }
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                        .until(() -> enrollmentByPerson.size() == people);
            }
            enrollment.awaitReady(Duration.ofMinutes(3));
            evaluator.get().awaitReady(Duration.ofMinutes(3));
            KafkaIo.awaitGroupCaughtUp(bootstrap, CrmToStopScenario.EVALUATOR_GROUP,
                    List.of(Topics.PEOPLE.name(), Topics.ENROLLMENTS.name()), Duration.ofMinutes(10));

            try (TopicCounter events = new TopicCounter(bootstrap, Topics.EVENTS.name(), r -> {
                EventEnvelope e = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (e.getPayload() instanceof ExcludedEvent) {
                    excluded.add(e.getEnrollmentId());
                }
            })) {
                List<Integer> overHttp = deliveries(people, 0);
                List<Integer> onTopic = deliveries(people, 1);
                int total = overHttp.size() + onTopic.size();
                AtomicInteger delivered = new AtomicInteger();
                AtomicReference<Throwable> error = new AtomicReference<>();
                Thread http = new Thread(() -> sendOverHttp(overHttp, evaluator, delivered, error), "chaos-crm-http");
                Thread topic = new Thread(() -> sendOnTopic(bootstrap, onTopic, delivered, error), "chaos-crm-topic");
                http.start();
                topic.start();

                double[] recovery = new double[KILLS];
                for (int k = 0; k < KILLS; k++) {
                    int threshold = (k + 1) * total / (KILLS + 1);
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                            .until(() -> delivered.get() >= threshold || error.get() != null);
                    int deliveredAtKill = delivered.get();
                    evaluator.get().kill9();
                    long killedAt = System.nanoTime();
                    evaluator.set(ServiceProcess.start(evaluatorSettings.log(work.resolve("exclusion-evaluator-" + (k + 1) + ".log"))));
                    evaluator.get().awaitReady(Duration.ofMinutes(3));
                    recovery[k] = (System.nanoTime() - killedAt) / 1e9;
                    System.out.printf("[chaos exclusion] kill -9 #%d of exclusion-evaluator after %,d of %,d changes delivered;"
                            + " ready again after %.1f s%n", k + 1, deliveredAtKill, total, recovery[k]);
                }
                http.join();
                topic.join();
                assertThat(error.get()).as("delivering CRM changes").isNull();

                Set<String> shouldBeExcluded = IntStream.range(0, MATCHING).mapToObj(Fixture::personId)
                        .map(enrollmentByPerson::get).collect(Collectors.toSet());
                try {
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                            .until(() -> excluded.containsAll(shouldBeExcluded));
                } catch (ConditionTimeoutException e) {
                    // the verifier names what is missing
                }
                // let anything still in flight arrive, so a late duplicate would be seen
                KafkaIo.awaitGroupCaughtUp(bootstrap, CrmToStopScenario.EVALUATOR_GROUP,
                        List.of(Topics.CRM_PEOPLE_CHANGES.name()), Duration.ofMinutes(5));
                KafkaIo.awaitGroupCaughtUp(bootstrap, "enrollment-service", List.of(Topics.COMMANDS.name()), Duration.ofMinutes(5));

                ExclusionVerifier.Report exclusions = ExclusionVerifier.verify(bootstrap, shouldBeExcluded);
                ServiceProcess store = enrollment;
                Verifier.Report invariants = Verifier.verify(bootstrap, enrollCommands, id -> ChaosSupport.storedActive(store, id));
                System.out.printf("[chaos exclusion] %d kills, recovery (kill to ready) %s s; %,d changes delivered (%,d over HTTP,"
                                + " %,d on the topic)%n[chaos exclusion] %s%n[chaos exclusion] %s%n", KILLS,
                        Arrays.toString(Arrays.stream(recovery).map(s -> Math.round(s * 10) / 10.0).toArray()), total,
                        overHttp.size(), onTopic.size(), exclusions.summary(), invariants.summary());
                evaluator.get().close();
                enrollment.close();
                assertThat(exclusions.exactlyOnce()).as(exclusions.summary()).isTrue();
                assertThat(invariants.allDelivered()).as(invariants.summary()).isTrue();
            }
        }
    }

    /**
     * The people whose changes go one way (0: HTTP, 1: topic): every other person, the matching ones
     * among them divisible by 5 twice (a redelivery), in a fixed shuffled order.
     */
    private static List<Integer> deliveries(int people, int way) {
        List<Integer> list = new ArrayList<>();
        for (int p = way; p < people; p += 2) {
            list.add(p);
            if (p < MATCHING && p % 5 == 0) {
                list.add(p);
            }
        }
        Collections.shuffle(list, new Random(42 + way));
        return list;
    }

    private static String lifecycleStage(int person) {
        return person < MATCHING ? "customer" : "lead";
    }

    /** Batches of {@link #HTTP_BATCH}, paced; each retried (also against the restarted instance) until 202. */
    private static void sendOverHttp(List<Integer> people, AtomicReference<ServiceProcess> evaluator, AtomicInteger delivered,
                                     AtomicReference<Throwable> error) {
        long start = System.nanoTime();
        try {
            for (int from = 0; from < people.size(); from += HTTP_BATCH) {
                List<Integer> batch = people.subList(from, Math.min(people.size(), from + HTTP_BATCH));
                String body = batch.stream().map(p -> String.format("{\"crm\":\"salesforce\",\"object\":\"person\",\"id\":\"crm-%d\","
                        + "\"person_id\":\"%s\",\"fields\":{\"lifecycle_stage\":\"%s\"},\"changed_at\":\"%s\"}", p,
                        Fixture.personId(p), lifecycleStage(p), CHANGED_AT.plusMillis(p)))
                        .collect(Collectors.joining(",", "{\"changes\":[", "]}"));
                await("a batch of CRM changes accepted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> accepted(evaluator.get(), body));
                delivered.addAndGet(batch.size());
                pace(start, from + batch.size());
            }
        } catch (Throwable t) {
            error.set(t);
        }
    }

    private static boolean accepted(ServiceProcess evaluator, String body) throws InterruptedException {
        try {
            HttpResponse<String> r = ChaosSupport.HTTP.send(HttpRequest.newBuilder(URI.create(evaluator.baseUrl()
                            + "/sequences/v1/crm-changes")).timeout(Duration.ofSeconds(15))
                    .header("x-api-key", ServiceProcess.API_KEY).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 4) {
                throw new IllegalStateException("POST /crm-changes answered " + r.statusCode() + ": " + r.body());
            }
            return r.statusCode() == 202;
        } catch (IOException e) {
            return false; // killed, or not listening yet
        }
    }

    private static void sendOnTopic(String bootstrap, List<Integer> people, AtomicInteger delivered, AtomicReference<Throwable> error) {
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
            for (int i = 0; i < people.size(); i++) {
                int p = people.get(i);
                Fixture.sendCrmPersonChange(producer, Fixture.crmPersonChange(p, Map.of("lifecycle_stage", lifecycleStage(p)),
                        CHANGED_AT.plusMillis(p)));
                if ((i + 1) % 10 == 0 || i == people.size() - 1) {
                    producer.flush();
                    delivered.addAndGet(i % 10 + 1);
                    pace(start, i + 1);
                }
            }
        } catch (Throwable t) {
            error.set(t);
        }
    }

    /** Open-loop pacing of the load (not a wait for Kafka): the n-th change goes at start + n / rate. */
    private static void pace(long startNanos, int sent) {
        long wait = startNanos + (long) (sent / CHANGES_PER_SECOND_EACH_WAY * 1e9) - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
