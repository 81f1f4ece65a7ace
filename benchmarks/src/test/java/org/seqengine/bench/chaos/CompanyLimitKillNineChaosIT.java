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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.ServiceProcess;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RulesetRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chaos case: kill -9 of enrollment-service while colleagues race for a company's slots
 * ({@code max_active_enrollments_per_company} {@value #LIMIT}, from the {@code default} ruleset: the
 * sequences name none). {@value #COMPANIES} companies of {@value #COLLEAGUES} colleagues, their domain
 * written three ways ({@code https://www.Co7.example/about}, {@code co7.example}, {@code CO7.EXAMPLE.}).
 * Every {@value #BURST_EVERY_MS} ms all colleagues of one company are enrolled at once over HTTP (into
 * two sequences), each caller retrying with its Idempotency-Key until it gets a final answer (201 or
 * 400), as a real caller does across a crash. The bursts come in three rounds; in the first two the
 * service is killed with SIGKILL 300 ms after a burst (its reservations in flight; commit interval 1 s,
 * so transactions are open), the round's last bursts arrive while it is down, and it is restarted on
 * its state directory. Then, at {@value #REFILLED} companies, the active colleagues are unenrolled and
 * {@value #FRESH} fresh colleagues are enrolled at once, with a third kill in that burst: exactly
 * {@value #LIMIT} must get in again (a reservation leaked by a crash would let fewer in, a lost count
 * more). {@link CompanyVerifier} replays {@code enrollment.events.v1} read_committed: never more than
 * {@value #LIMIT} active at a domain, exactly {@value #LIMIT} at every domain at the end.
 */
class CompanyLimitKillNineChaosIT {

    private static final int COMPANIES = 20;
    private static final int COLLEAGUES = 15;
    private static final int LIMIT = 3;
    private static final int REFILLED = 4;
    private static final int FRESH = 6;
    private static final long BURST_EVERY_MS = 1500;
    private static final long KILL_AFTER_BURST_MS = 300;
    /** In each of the first two rounds of bursts, the kill comes after this burst of the round (counted from 0). */
    private static final int KILL_AFTER_BURSTS = 4;

    /** Callers that had to try again (the service was down, or answered 503 while it caught up). */
    private static final AtomicInteger RETRIED = new AtomicInteger();

    /** Kept when the case fails: the service's logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    /** One caller's final answer: the enrollment id of a 201, or the 400's first error item. */
    record Answer(int person, int company, String enrollmentId, JsonNode error) {
        boolean enrolled() {
            return enrollmentId != null;
        }
    }

    @Test
    void theCompanyLimitHoldsAndNoSlotLeaksThroughKills() throws Exception {
        int freshFrom = COMPANIES * COLLEAGUES;
        try (TestBroker broker = TestBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, 0); // mailboxes and 4 sequences without a ruleset
                Fixture.send(producer, Topics.RULESETS, "default", RulesetRecord.newBuilder().setOrgId(Fixture.ORG)
                        .setId("default").setAllowReenrollmentIntoSequences(true).setAllowReenrollmentIntoSameSequence(true)
                        .setReenrollmentWaitingDays(0).setExclusionRuleIds(List.of())
                        .setMaxActiveEnrollmentsPerCompany(LIMIT).build());
                publishPeople(producer, 0, freshFrom, i -> i / COLLEAGUES);
                publishPeople(producer, freshFrom, freshFrom + REFILLED * FRESH, i -> (i - freshFrom) / FRESH);
            }
            ServiceProcess.Settings settings = ServiceProcess.Settings.of(ChaosSupport.serviceJar(), bootstrap,
                    work.resolve("state"), work.resolve("enrollment-service.log")).with(List.of("-Xmx512m",
                    "-Dkafka-streams.commit.interval.ms=1000", "-Dkafka-streams.session.timeout.ms=6000"), Map.of());
            AtomicReference<ServiceProcess> service = new AtomicReference<>(ServiceProcess.start(settings));
            ExecutorService callers = Executors.newCachedThreadPool();
            List<Double> recoveries = Collections.synchronizedList(new ArrayList<>());
            try {
                service.get().awaitReady(Duration.ofMinutes(3));

                // phase 1: a burst per company, in three rounds; in the first two the service is killed 300 ms after the
                // round's fifth burst, the round's last bursts going on while it is down, and the next round starts once it
                // is ready again (so the kills land mid-burst however long a restart takes)
                long start = System.nanoTime();
                List<Future<Answer>> phase1 = new ArrayList<>();
                int[] roundStarts = {0, 7, 14, COMPANIES};
                for (int round = 0; round < 3; round++) {
                    long roundStart = System.nanoTime();
                    Thread killer = null;
                    AtomicReference<Throwable> killError = new AtomicReference<>();
                    for (int c = roundStarts[round]; c < roundStarts[round + 1]; c++) {
                        LockSupport.parkNanos(roundStart + (c - roundStarts[round]) * BURST_EVERY_MS * 1_000_000
                                - System.nanoTime()); // pacing the load
                        for (int k = 0; k < COLLEAGUES; k++) {
                            int person = c * COLLEAGUES + k;
                            int company = c;
                            phase1.add(callers.submit(() -> enroll(service, person, company, "chaos-company-" + person)));
                        }
                        if (round < 2 && c == roundStarts[round] + KILL_AFTER_BURSTS) {
                            int kill = round + 1;
                            String when = "after the burst of company " + c;
                            killer = new Thread(() -> {
                                try {
                                    recoveries.add(killAndRestart(service, settings, kill, when));
                                } catch (Throwable t) {
                                    killError.set(t);
                                }
                            }, "chaos-kill-" + kill);
                            killer.start();
                        }
                    }
                    if (killer != null) {
                        killer.join();
                        assertThat(killError.get()).as("kill and restart").isNull();
                    }
                }
                Map<Integer, List<Answer>> byCompany = answersByCompany(phase1);

                // phase 2: empty a few companies, then fresh colleagues race for the freed slots, a kill mid-burst
                List<Future<Answer>> unenrolls = new ArrayList<>();
                for (int c = 0; c < REFILLED; c++) {
                    for (Answer a : byCompany.get(c)) {
                        if (a.enrolled()) {
                            unenrolls.add(callers.submit(() -> unenroll(service, a)));
                        }
                    }
                }
                for (Future<Answer> u : unenrolls) {
                    u.get(6, TimeUnit.MINUTES);
                }
                List<Future<Answer>> phase2 = new ArrayList<>();
                for (int i = freshFrom; i < freshFrom + REFILLED * FRESH; i++) {
                    int person = i;
                    int company = (i - freshFrom) / FRESH;
                    phase2.add(callers.submit(() -> enroll(service, person, company, "chaos-company-" + person)));
                }
                recoveries.add(killAndRestart(service, settings, 3, "in the burst of fresh colleagues"));
                Map<Integer, List<Answer>> fresh = answersByCompany(phase2);

                CompanyVerifier.Report report = CompanyVerifier.verify(bootstrap, LIMIT, expectedAtEnd());
                long rejected = byCompany.values().stream().flatMap(List::stream).filter(a -> !a.enrolled()).count();
                System.out.printf("[chaos company] %d companies x %d colleagues, limit %d: %d enrolled, %d rejected"
                                + " COMPANY_LIMIT_REACHED; %d companies emptied, %d fresh colleagues: %d enrolled; kill -9 x3,"
                                + " kill to ready %s s; %d callers retried; %.0f s%n[chaos company] %s%n",
                        COMPANIES, COLLEAGUES, LIMIT, COMPANIES * COLLEAGUES - rejected, rejected, REFILLED,
                        REFILLED * FRESH, fresh.values().stream().flatMap(List::stream).filter(Answer::enrolled).count(),
                        recoveries.stream().map(s -> Math.round(s * 10) / 10.0).toList(), RETRIED.get(),
                        (System.nanoTime() - start) / 1e9, report.summary());

                for (int c = 0; c < COMPANIES; c++) {
                    assertExactlyLimitEnrolled(byCompany.get(c), "company " + c + " in the bursts");
                }
                for (int c = 0; c < REFILLED; c++) {
                    assertExactlyLimitEnrolled(fresh.get(c), "company " + c + " refilled by fresh colleagues");
                }
                assertThat(report.held()).as(report.summary()).isTrue();
                assertThat(report.maxActive()).isEqualTo(LIMIT);
                // the service's store agrees with the log: the last ones in are active
                for (int c = 0; c < COMPANIES; c++) {
                    for (Answer a : (c < REFILLED ? fresh : byCompany).get(c)) {
                        if (a.enrolled()) {
                            assertThat(ChaosSupport.storedActive(service.get(), a.enrollmentId()))
                                    .as("stored enrollment %s of company %d", a.enrollmentId(), c).isTrue();
                        }
                    }
                }
            } finally {
                callers.shutdownNow();
                service.get().close();
            }
        }
    }

    /** co&lt;c&gt;.example for every company: LIMIT active at the end. */
    private static Map<String, Integer> expectedAtEnd() {
        Map<String, Integer> expected = new TreeMap<>();
        for (int c = 0; c < COMPANIES; c++) {
            expected.put(domain(c), LIMIT);
        }
        return expected;
    }

    private static void assertExactlyLimitEnrolled(List<Answer> answers, String what) {
        assertThat(answers.stream().filter(Answer::enrolled).count()).as("201s of " + what).isEqualTo(LIMIT);
        for (Answer a : answers) {
            if (!a.enrolled()) {
                assertThat(a.error().path("code").asText()).as("400 of person %d, %s: %s", a.person(), what, a.error())
                        .isEqualTo("COMPANY_LIMIT_REACHED");
                assertThat(a.error().path("message").asText()).as("the 400's message names the domain")
                        .contains(domain(a.company()));
            }
        }
    }

    private double killAndRestart(AtomicReference<ServiceProcess> service, ServiceProcess.Settings settings, int n,
                                  String when) throws Exception {
        LockSupport.parkNanos(KILL_AFTER_BURST_MS * 1_000_000); // the burst's reservations in flight
        service.get().kill9();
        long killedAt = System.nanoTime();
        service.set(ServiceProcess.start(settings.log(work.resolve("enrollment-service-" + n + ".log"))));
        service.get().awaitReady(Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        System.out.printf("[chaos company] kill -9 #%d %s; ready again after %.1f s%n", n, when, seconds);
        return seconds;
    }

    private static Map<Integer, List<Answer>> answersByCompany(List<Future<Answer>> calls) throws Exception {
        Map<Integer, List<Answer>> byCompany = new TreeMap<>();
        for (Future<Answer> call : calls) {
            Answer a = call.get(6, TimeUnit.MINUTES);
            byCompany.computeIfAbsent(a.company(), c -> new ArrayList<>()).add(a);
        }
        return byCompany;
    }

    /** POST /enrollments with the caller's Idempotency-Key until a final answer: 201, or a 400 (kept). */
    private static Answer enroll(AtomicReference<ServiceProcess> service, int person, int company, String key) {
        String body = String.format("{\"sequence_id\":\"%s\",\"person_id\":\"%s\",\"mailbox_emails\":[\"%s\"]}",
                Fixture.sequenceId(person % 2), Fixture.personId(person), Fixture.mailboxEmail(person % Fixture.MAILBOXES));
        JsonNode answer = callUntilFinal(service, "/sequences/v1/enrollments", body, key, 201);
        if (answer.has("errors")) {
            return new Answer(person, company, null, answer.path("errors").path(0));
        }
        return new Answer(person, company, answer.path("id").asText(), null);
    }

    /** POST /enrollments/{id}/unenroll with an Idempotency-Key until 200. */
    private static Answer unenroll(AtomicReference<ServiceProcess> service, Answer enrolled) {
        JsonNode answer = callUntilFinal(service, "/sequences/v1/enrollments/" + enrolled.enrollmentId() + "/unenroll", null,
                "chaos-company-unenroll-" + enrolled.person(), 200);
        if (answer.has("errors")) {
            throw new IllegalStateException("unenroll of " + enrolled.enrollmentId() + " answered " + answer);
        }
        return enrolled;
    }

    /**
     * Retries while the service is down or answers 5xx/429 (as a caller does through a crash); returns
     * the body of the expected status or of a 400, fails on anything else or after 5 min.
     */
    private static JsonNode callUntilFinal(AtomicReference<ServiceProcess> service, String path, String body, String key,
                                           int expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos(); // two restarts on a loaded machine fit
        String last = "no answer";
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            if (attempt == 1) {
                RETRIED.incrementAndGet();
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.get().baseUrl() + path))
                        .timeout(Duration.ofSeconds(15)).header("x-api-key", ServiceProcess.API_KEY).header("Idempotency-Key", key);
                if (body == null) {
                    request.POST(HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                }
                HttpResponse<String> r = ChaosSupport.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == expected || r.statusCode() == 400) {
                    return ChaosSupport.JSON.readTree(r.body());
                }
                if (r.statusCode() != 429 && r.statusCode() / 100 != 5) {
                    throw new IllegalStateException("POST " + path + " answered " + last);
                }
            } catch (IOException e) {
                last = e.toString(); // killed or restarting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // a caller's back-off, not a wait for the system
        }
        throw new IllegalStateException("POST " + path + " (key " + key + ") got no final answer within 5 min; last: " + last);
    }

    private static String domain(int company) {
        return "co" + company + ".example";
    }

    /** The company domain as a CRM might hold it: three spellings of co&lt;c&gt;.example. */
    private static String writtenDomain(int company, int person) {
        return switch (person % 3) {
            case 0 -> "https://www.Co" + company + ".example/about";
            case 1 -> domain(company);
            default -> "CO" + company + ".EXAMPLE.";
        };
    }

    private static void publishPeople(KafkaProducer<byte[], byte[]> producer, int from, int to, IntFunction<Integer> companyOf) {
        for (int i = from; i < to; i++) {
            int company = companyOf.apply(i);
            Fixture.send(producer, Topics.PEOPLE, Fixture.personId(i), PersonRecord.newBuilder().setOrgId(Fixture.ORG)
                    .setId(Fixture.personId(i)).setEmail("person" + i + "@" + domain(company)).setFirstName("P" + i)
                    .setLastName("Colleague").setLinkedinUrl(null).setCompanyDomain(writtenDomain(company, i))
                    .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false).setAttributes(Map.of()).build());
        }
        producer.flush();
    }
}
