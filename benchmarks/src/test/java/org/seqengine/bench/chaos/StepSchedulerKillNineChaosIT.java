package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.ScheduleFixture;
import org.seqengine.bench.ServiceProcess;
import org.seqengine.bench.TopicCounter;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.DispatchStepCommand;

/**
 * Chaos case: kill -9 of step-scheduler, then of the mailer simulator, while a 2-step sequence runs.
 * enrollment-service, step-scheduler and the mailer simulator run as packaged processes on one broker
 * with {@code SCHEDULER_DAY_LENGTH=PT10S} (step 2 goes 10 s after step 1 was sent). {@value #PEOPLE}
 * people are enrolled over HTTP ({@code POST /enrollments}, paced, each with an Idempotency-Key and
 * retried until 201, also across a kill); step-scheduler is killed with SIGKILL when half of them are
 * enrolled and restarted on its state directory; the simulator is killed once a third of the second
 * steps were requested, and restarted. Then every enrollment must be Completed, every (enrollment,
 * step) must have exactly one send request on {@code steps.send-requests.v1} and exactly one send,
 * both in the simulator's counts ({@code GET /mailer/sends/{request_id}}; they survive its restart)
 * and on {@code steps.delivery-results.v1}, checked by {@link SendAudit}.
 */
class StepSchedulerKillNineChaosIT {

    private static final int PEOPLE = 300;
    private static final int STEPS = 2;
    private static final double ENROLLMENTS_PER_SECOND = 20;
    private static final String DAY_LENGTH = "PT10S";

    /** Kept when the case fails: the services' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void everyStepIsSentExactlyOnceThroughKillsOfSchedulerAndMailer() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                ScheduleFixture.publishMailboxes(producer, Fixture.MAILBOXES, 100_000, 0);
                ScheduleFixture.publishSequence(producer, 0, List.of(
                        ScheduleFixture.email(0, "Hi {{first_name}}", "Hello {{first_name}}, a word about {{company_domain}}."),
                        ScheduleFixture.email(1, "Re: Hi {{first_name}}", "Following up, {{first_name}}.")));
                Fixture.publishPeople(producer, 0, PEOPLE);
            }
            Map<String, String> shortDays = Map.of("SCHEDULER_DAY_LENGTH", DAY_LENGTH);
            ServiceProcess.Settings enrollmentSettings = ServiceProcess.Settings.of(ChaosSupport.serviceJar(), bootstrap,
                    work.resolve("enrollment-state"), work.resolve("enrollment-service.log")).with(List.of("-Xmx512m"), shortDays);
            // a fixed transactional.id for the delivery-results bridge, as one deployed instance has: the restart fences
            // the killed one's open transaction on enrollment.commands.v1 at once, instead of read_committed readers
            // (enrollment-service) waiting up to its transaction timeout (60 s) behind it
            Map<String, String> schedulerEnv = new HashMap<>(shortDays);
            schedulerEnv.put("SCHEDULER_TRANSACTIONAL_ID", "chaos-step-scheduler-delivery-commands");
            ServiceProcess.Settings schedulerSettings = ServiceProcess.Settings.of(ChaosSupport.schedulerJar(), bootstrap,
                    work.resolve("scheduler-state"), work.resolve("step-scheduler.log")).with(List.of("-Xmx512m"), schedulerEnv);
            ServiceProcess.Settings mailerSettings = ServiceProcess.Settings.of(ChaosSupport.mailerJar(), bootstrap,
                    work.resolve("mailer-state"), work.resolve("mailer-simulator.log")).with(List.of("-Xmx256m"), shortDays);

            Map<String, Integer> dispatchesByStep = new ConcurrentHashMap<>();
            try (TopicCounter requests = new TopicCounter(bootstrap, Topics.SEND_REQUESTS.name(), null);
                 TopicCounter dispatches = new TopicCounter(bootstrap, Topics.COMMANDS.name(), r -> {
                     CommandEnvelope c = Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                     if (c.getPayload() instanceof DispatchStepCommand d) {
                         dispatchesByStep.merge(SendAudit.step(d.getEnrollmentId(), d.getStepIndex()), 1, Integer::sum);
                     }
                 })) {
                ServiceProcess enrollment = ServiceProcess.start(enrollmentSettings);
                AtomicReference<ServiceProcess> scheduler = new AtomicReference<>(ServiceProcess.start(schedulerSettings));
                AtomicReference<ServiceProcess> mailer = new AtomicReference<>(ServiceProcess.start(mailerSettings));
                try {
                    enrollment.awaitReady(Duration.ofMinutes(3));
                    scheduler.get().awaitReady(Duration.ofMinutes(3));
                    mailer.get().awaitReady(Duration.ofMinutes(3));

                    Map<Integer, String> enrollmentIds = new ConcurrentHashMap<>();
                    AtomicReference<Throwable> error = new AtomicReference<>();
                    Thread enroller = new Thread(() -> enrollAll(enrollment, enrollmentIds, error), "chaos-enroll");
                    enroller.start();

                    await("half the people enrolled").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                            .until(() -> enrollmentIds.size() >= PEOPLE / 2 || error.get() != null);
                    long requestsAtSchedulerKill = requests.count();
                    scheduler.get().kill9();
                    long killedAt = System.nanoTime();
                    scheduler.set(ServiceProcess.start(schedulerSettings.log(work.resolve("step-scheduler-1.log"))));
                    scheduler.get().awaitReady(Duration.ofMinutes(3));
                    double schedulerRecovery = (System.nanoTime() - killedAt) / 1e9;
                    System.out.printf("[chaos scheduler] kill -9 of step-scheduler after %d of %d enrolled, %d send requests;"
                            + " ready again after %.1f s%n", enrollmentIds.size(), PEOPLE, requestsAtSchedulerKill, schedulerRecovery);

                    long killMailerAt = PEOPLE + PEOPLE / 3; // every first step and a third of the second ones requested
                    await("a third of the second steps requested").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                            .until(() -> requests.count() >= killMailerAt || error.get() != null);
                    MailerSends.Summary beforeKill = ChaosSupport.mailerSummary(mailer.get());
                    mailer.get().kill9();
                    killedAt = System.nanoTime();
                    mailer.set(ServiceProcess.start(mailerSettings.log(work.resolve("mailer-simulator-1.log"))));
                    mailer.get().awaitReady(Duration.ofMinutes(3));
                    double mailerRecovery = (System.nanoTime() - killedAt) / 1e9;
                    System.out.printf("[chaos scheduler] kill -9 of the mailer simulator after %d send requests, %d sends counted;"
                            + " ready again after %.1f s%n", requests.count(), beforeKill.totalSends(), mailerRecovery);

                    enroller.join(Duration.ofMinutes(5).toMillis());
                    assertThat(error.get()).as("enrolling over HTTP").isNull();
                    assertThat(enrollmentIds).hasSize(PEOPLE);

                    Map<String, String> statuses = new ConcurrentHashMap<>();
                    try {
                        await("every enrollment Completed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                                .until(() -> allCompleted(enrollment, enrollmentIds.values(), statuses));
                    } catch (ConditionTimeoutException e) {
                        // reported below, with the send audit
                    }
                    // let anything still in flight arrive (a late second request or send would show): nothing moves for 3 polls
                    List<Long> last = new ArrayList<>();
                    AtomicReference<MailerSends.Summary> summary = new AtomicReference<>();
                    await("requests and sends settled").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                            .until(() -> {
                                summary.set(ChaosSupport.mailerSummary(mailer.get()));
                                last.add(requests.count() * 1_000_000L + summary.get().totalSends());
                                int n = last.size();
                                return n >= 3 && last.get(n - 1).equals(last.get(n - 2)) && last.get(n - 2).equals(last.get(n - 3));
                            });

                    Set<String> expected = new HashSet<>();
                    enrollmentIds.values().forEach(id -> {
                        for (int step = 0; step < STEPS; step++) {
                            expected.add(SendAudit.step(id, step));
                        }
                    });
                    // the simulator's counts run on across its restart (its ledger is rebuilt from the delivery results)
                    List<SendAudit.Request> sendRequests = SendAudit.readRequests(bootstrap);
                    Map<String, Long> mailerCounts = new HashMap<>();
                    for (SendAudit.Request r : sendRequests) {
                        mailerCounts.put(r.requestId(), ChaosSupport.mailerSendsOf(mailer.get(), r.requestId()));
                    }
                    SendAudit.Report audit = SendAudit.audit(expected, sendRequests, mailerCounts);
                    SendAudit.Report results = SendAudit.audit(expected, sendRequests, SendAudit.readSends(bootstrap));
                    Map<String, Long> byStatus = new TreeMap<>();
                    enrollmentIds.values().forEach(id -> byStatus.merge(statuses.getOrDefault(id, "?"), 1L, Long::sum));
                    long redispatched = dispatchesByStep.values().stream().filter(n -> n > 1).count();
                    System.out.printf("[chaos scheduler] %d enrollments by display status %s; DispatchStep commands %d for %d steps,"
                                    + " %d steps dispatched more than once (the decider ignores a repeat)%n[chaos scheduler] mailer %s%n"
                                    + "[chaos scheduler] mailer counts: %s%n[chaos scheduler] delivery results %s%n",
                            PEOPLE, byStatus, dispatchesByStep.values().stream().mapToInt(Integer::intValue).sum(),
                            dispatchesByStep.size(), redispatched, audit.summary(), summary.get(), results.summary());
                    assertThat(byStatus).as("display statuses").containsOnlyKeys("COMPLETED");
                    assertThat(audit.exactlyOnce()).as(audit.summary()).isTrue();
                    assertThat(results.exactlyOnce()).as(results.summary()).isTrue();
                    assertThat(summary.get().sentMoreThanOnceCount()).as("the mailer's sent_more_than_once_count").isZero();
                } finally {
                    mailer.get().close();
                    scheduler.get().close();
                    enrollment.close();
                }
            }
        }
    }

    private static boolean allCompleted(ServiceProcess enrollment, Iterable<String> ids, Map<String, String> statuses)
            throws InterruptedException {
        boolean all = true;
        for (String id : ids) {
            if (!"COMPLETED".equals(statuses.get(id))) {
                statuses.put(id, ChaosSupport.displayStatus(enrollment, id));
                all &= "COMPLETED".equals(statuses.get(id));
            }
        }
        return all;
    }

    /** Person i enrolled with Idempotency-Key {@code chaos-schedule-<i>}, retried until 201; paced open-loop. */
    private static void enrollAll(ServiceProcess enrollment, Map<Integer, String> enrollmentIds, AtomicReference<Throwable> error) {
        long start = System.nanoTime();
        AtomicReference<String> lastAnswer = new AtomicReference<>();
        try {
            for (int i = 0; i < PEOPLE; i++) {
                int person = i;
                String body = String.format("{\"sequence_id\":\"%s\",\"person_id\":\"%s\",\"mailbox_emails\":[\"%s\"]}",
                        Fixture.sequenceId(0), Fixture.personId(person), Fixture.mailboxEmail(person % Fixture.MAILBOXES));
                try {
                    await("enrollment of person " + person).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                            .until(() -> enrolled(enrollment, person, body, enrollmentIds, lastAnswer));
                } catch (ConditionTimeoutException e) {
                    throw new IllegalStateException("person " + person + " not enrolled within 2 min; last answer: "
                            + lastAnswer.get() + "; logs in " + enrollment.settings().log().getParent(), e);
                }
                long wait = start + (long) ((i + 1) / ENROLLMENTS_PER_SECOND * 1e9) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // open-loop pacing of the load, not a wait for the system
                }
            }
        } catch (Throwable t) {
            error.set(t);
        }
    }

    private static boolean enrolled(ServiceProcess enrollment, int person, String body, Map<Integer, String> enrollmentIds,
                                    AtomicReference<String> lastAnswer) throws InterruptedException {
        try {
            HttpResponse<String> r = ChaosSupport.HTTP.send(HttpRequest.newBuilder(URI.create(enrollment.baseUrl()
                            + "/sequences/v1/enrollments")).timeout(Duration.ofSeconds(15))
                    .header("x-api-key", ServiceProcess.API_KEY).header("content-type", "application/json")
                    .header("Idempotency-Key", "chaos-schedule-" + person)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            lastAnswer.set(r.statusCode() + " " + r.body());
            if (r.statusCode() == 201) {
                enrollmentIds.put(person, ChaosSupport.JSON.readTree(r.body()).path("id").asText());
                return true;
            }
            if (r.statusCode() / 100 == 4 && r.statusCode() != 429) {
                throw new IllegalStateException("POST /enrollments answered " + r.statusCode() + ": " + r.body());
            }
            return false;
        } catch (IOException e) {
            lastAnswer.set(e.toString());
            return false;
        }
    }
}
