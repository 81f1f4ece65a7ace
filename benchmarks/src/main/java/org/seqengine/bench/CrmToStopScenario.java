package org.seqengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExcludeCommand;
import org.seqengine.schemas.avro.ExcludedEvent;

/**
 * Scenario "crm-to-stop" (issue 8): how long from a CRM change sent over HTTP to the Excluded event
 * of the enrollment it stops. The packaged exclusion-evaluator and enrollment-service run as two
 * processes next to one broker. Every person is actively enrolled first (Enroll commands on the
 * commands topic); two exclusion rules apply to every sequence and remove from active ones: PERSON
 * {@code person.lifecycle_stage equals customer}, COMPANY {@code company.industry equals competitor}.
 * The fan-out runs first, then (once the evaluator has absorbed the ended enrollments) the
 * person-change stream, which may overload the HTTP edge: each row is measured on a healthy system.
 * <ul>
 *   <li><b>person changes</b>: open-loop, {@code POST /sequences/v1/crm-changes} with
 *   {@link #batch} changes per request, each setting {@code lifecycle_stage: customer} on another
 *   enrolled person; a change's latency runs from its request's intended send time to the
 *   Excluded event of that person, as a read_committed consumer of {@code enrollment.events.v1}
 *   sees it (no coordinated omission: a stall is charged to every change queued behind it).</li>
 *   <li><b>company fan-out</b>: every person at one domain enrolled; one company change
 *   ({@code industry: competitor}) over HTTP; the first and the last Excluded event, and the
 *   percentiles over the people.</li>
 * </ul>
 * Missing exclusions (an accepted change's person without an Excluded event), changes not accepted
 * (their request did not answer 202), duplicates (an enrollment Excluded twice) and unexpected ones
 * (a person nobody changed) are counted, not asserted. The times until the change is committed on
 * {@code crm.people-changes.v1} and until the evaluator's Exclude command is committed on
 * {@code enrollment.commands.v1} are given too: they split the latency between the HTTP edge,
 * exclusion-evaluator and enrollment-service.
 */
public final class CrmToStopScenario {

    public static final String NAME = "crm-to-stop";
    /** The evaluator's Kafka Streams application id, as packaged: its consumer group. */
    public static final String EVALUATOR_GROUP = "exclusion-evaluator";
    public static final String PERSON_RULE = Fixture.uuid("rule-person-customer");
    public static final String COMPANY_RULE = Fixture.uuid("rule-company-competitor");
    public static final String PERSON_FILTER = "{\"field\":\"person.lifecycle_stage\",\"op\":\"equals\",\"value\":\"customer\"}";
    public static final String COMPANY_FILTER = "{\"field\":\"company.industry\",\"op\":\"equals\",\"value\":\"competitor\"}";
    static final String FANOUT_DOMAIN = "fanout-competitor.example";
    static final double GOAL_P99_MS = 1000;
    private static final String CRM_CHANGES = "/sequences/v1/crm-changes";
    /** Names a batch's first person on the request, so its answer can be matched to its people. */
    private static final String FIRST_PERSON = "x-bench-first-person";

    private final Env env;
    private final double rate;
    private final Duration duration;
    private final double warmUpRate = 100;
    private final Duration warmUp;
    private final int batch;
    private final int fanOut;
    private final int warmUpPeople;
    private final int measuredPeople;
    private final Duration settle;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> enrollmentByPerson = new ConcurrentHashMap<>();
    private final Map<String, Long> intendedByPerson = new ConcurrentHashMap<>();
    private final Map<String, Long> excludedAtByPerson = new ConcurrentHashMap<>();
    private final Map<String, Long> commandedAtByPerson = new ConcurrentHashMap<>();
    private final Map<String, Long> changeSeenAtByPerson = new ConcurrentHashMap<>();
    private final Set<String> acceptedPeople = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> excludedByEnrollment = new ConcurrentHashMap<>();
    private final AtomicLong unexpected = new AtomicLong();
    private ServiceProcess enrollment;
    private ServiceProcess evaluator;

    private CrmToStopScenario(Env env) {
        this.env = env;
        this.rate = env.quick() ? 200 : 1000;
        this.duration = env.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
        this.warmUp = env.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(15);
        this.batch = Integer.getInteger("bench.crm.batch", 10);
        this.fanOut = env.quick() ? 1_000 : 10_000;
        this.warmUpPeople = changes(warmUpRate, warmUp);
        this.measuredPeople = changes(rate, duration);
        this.settle = env.quick() ? Duration.ofMinutes(2) : Duration.ofMinutes(20);
    }

    public static List<Result> run(Env env) throws Exception {
        return new CrmToStopScenario(env).runAll();
    }

    /** Changes an open-loop run sends: whole requests of {@link #batch} changes. */
    private int changes(double changesPerSecond, Duration d) {
        return (int) Math.max(1, Math.round(changesPerSecond / batch * d.toNanos() / 1e9)) * batch;
    }

    private List<Result> runAll() throws Exception {
        Path dir = env.dir(NAME);
        int crmPeople = warmUpPeople + measuredPeople;  // people 0..crmPeople-1: 997 customer domains
        int people = crmPeople + fanOut;                // then fanOut people at FANOUT_DOMAIN
        List<Result> results = new ArrayList<>();
        Env.log(NAME + ": starting a fresh broker");
        try (BrokerProcess broker = BrokerProcess.start(dir, "1g")) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, crmPeople);
                Fixture.publishExclusionRule(producer, PERSON_RULE, "PERSON", PERSON_FILTER);
                Fixture.publishExclusionRule(producer, COMPANY_RULE, "COMPANY", COMPANY_FILTER);
            }
            ServiceProcess.Settings enrollmentSettings = ServiceProcess.Settings.of(env.serviceJar(), bootstrap,
                    dir.resolve("enrollment-state"), dir.resolve("enrollment-service.log")).with(env.serviceJvmArgs(), Map.of());
            List<String> evaluatorJvm = new ArrayList<>(env.serviceJvmArgs());
            String evaluatorOpts = System.getenv("EVALUATOR_JAVA_OPTS"); // tuning runs of the evaluator alone
            if (evaluatorOpts != null && !evaluatorOpts.isBlank()) {
                evaluatorJvm.addAll(List.of(evaluatorOpts.trim().split("\\s+")));
            }
            if (env.profile()) {
                Path jfr = env.workDir().resolve(NAME + "-exclusion-evaluator.jfr").toAbsolutePath();
                evaluatorJvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
                Env.log(NAME + ": recording a JFR profile of exclusion-evaluator to " + jfr);
            }
            ServiceProcess.Settings evaluatorSettings = ServiceProcess.Settings.of(env.evaluatorJar(), bootstrap,
                    dir.resolve("evaluator-state"), dir.resolve("exclusion-evaluator.log")).with(evaluatorJvm, Map.of());
            try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), this::onReply)) {
                enrollment = ServiceProcess.start(enrollmentSettings);
                evaluator = ServiceProcess.start(evaluatorSettings);
                double setUp = enroll(bootstrap, 0, crmPeople);
                try (TopicCounter events = new TopicCounter(bootstrap, Topics.EVENTS.name(), this::onEvent);
                     TopicCounter commands = new TopicCounter(bootstrap, Topics.COMMANDS.name(), this::onCommand);
                     TopicCounter changes = new TopicCounter(bootstrap, Topics.CRM_PEOPLE_CHANGES.name(), this::onChange)) {
                    // the fan-out first, on a healthy system: the person-change stream after it may overload the HTTP edge
                    Env.log(String.format("%s: %,d people at %s", NAME, fanOut, FANOUT_DOMAIN));
                    try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                        Fixture.publishPeople(producer, crmPeople, people, i -> FANOUT_DOMAIN);
                    }
                    double fanOutSetUp = enroll(bootstrap, crmPeople, people);
                    Env.log(NAME + ": company fan-out to " + fanOut + " people");
                    Result fanOutRow = fanOut(range(crmPeople, people)).withExtra("evaluator_caught_up_after_enrollment_s", fanOutSetUp);
                    // the ended enrollments come back to the evaluator (enrollments.v1): let it absorb them first
                    double absorbed = KafkaIo.awaitGroupCaughtUp(bootstrap, EVALUATOR_GROUP,
                            List.of(Topics.PEOPLE.name(), Topics.ENROLLMENTS.name()), Duration.ofMinutes(90));
                    Env.log(String.format("%s: exclusion-evaluator caught up with the fan-out %.1f s later", NAME, absorbed));
                    fanOutRow = fanOutRow.withExtra("evaluator_caught_up_after_fan_out_s", Math.round(absorbed * 10) / 10.0);

                    Env.log(String.format("%s: warm-up, %,d person changes at %.0f/s", NAME, warmUpPeople, warmUpRate));
                    personChanges(warmUpRate, warmUp, 0);
                    awaitExcluded(accepted(range(0, warmUpPeople)), Duration.ofMinutes(2));
                    Histogram warm = latencies(range(0, warmUpPeople));
                    Env.log(String.format("%s: warm-up p50 %.1f ms, p99 %.1f ms", NAME, warm.getValueAtPercentile(50) / 1000.0,
                            warm.getValueAtPercentile(99) / 1000.0));
                    Env.log(String.format("%s: %,d person changes at %.0f/s, %d per request", NAME, measuredPeople, rate, batch));
                    OpenLoad.Outcome load = personChanges(rate, duration, warmUpPeople);
                    List<String> measured = range(warmUpPeople, crmPeople);
                    awaitExcluded(accepted(measured), settle);
                    results.add(personRow(measured, load).withExtra("evaluator_caught_up_after_enrollment_s", setUp));
                    results.add(fanOutRow);
                }
            } finally {
                if (evaluator != null) {
                    evaluator.close();
                }
                if (enrollment != null) {
                    enrollment.close();
                }
            }
        }
        return results;
    }

    /**
     * Enrolls people {@code from..to-1} (Enroll commands on the topic) and waits until the evaluator
     * has caught up with their enrollments; returns the seconds from the last enrollment to that.
     */
    private double enroll(String bootstrap, int from, int to) throws Exception {
        long t0 = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
            for (int i = from; i < to; i++) {
                Fixture.sendCommand(producer, Fixture.enroll("crm-enroll-" + i, i, i % Fixture.SEQUENCES));
            }
        }
        List<String> people = range(from, to);
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (!people.stream().allMatch(enrollmentByPerson::containsKey)) {
            if (System.nanoTime() > deadline || !enrollment.isAlive()) {
                throw new IllegalStateException("not every person of " + from + ".." + (to - 1) + " enrolled; see "
                        + enrollment.settings().log());
            }
            Thread.sleep(100);
        }
        Env.log(String.format("%s: %,d enrollments in %.1f s", NAME, to - from, (System.nanoTime() - t0) / 1e9));
        enrollment.awaitReady(Duration.ofMinutes(5));
        evaluator.awaitReady(Duration.ofMinutes(5));
        double caughtUp = KafkaIo.awaitGroupCaughtUp(bootstrap, EVALUATOR_GROUP,
                List.of(Topics.PEOPLE.name(), Topics.ENROLLMENTS.name()), Duration.ofMinutes(90));
        Env.log(String.format("%s: exclusion-evaluator caught up with them %.1f s later", NAME, caughtUp));
        return Math.round(caughtUp * 10) / 10.0;
    }

    private void onReply(ConsumerRecord<byte[], byte[]> r) {
        CommandReplyRecord reply = Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (reply.getCommandId().startsWith("crm-enroll-") && !reply.getEnrollmentIds().isEmpty()) {
            enrollmentByPerson.put(reply.getPersonId(), reply.getEnrollmentIds().get(0));
        }
    }

    private void onEvent(ConsumerRecord<byte[], byte[]> r) {
        long now = System.nanoTime();
        EventEnvelope event = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (event.getPayload() instanceof ExcludedEvent) {
            if (!intendedByPerson.containsKey(event.getPersonId())) {
                unexpected.incrementAndGet();
            }
            excludedAtByPerson.putIfAbsent(event.getPersonId(), now);
            excludedByEnrollment.merge(event.getEnrollmentId(), 1, Integer::sum);
        }
    }

    /** The evaluator's Exclude command, committed: splits the latency into evaluator and enrollment-service. */
    private void onCommand(ConsumerRecord<byte[], byte[]> r) {
        long now = System.nanoTime();
        CommandEnvelope command = Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (command.getPayload() instanceof ExcludeCommand) {
            commandedAtByPerson.putIfAbsent(command.getPersonId(), now);
        }
    }

    /** The person change, committed on crm.people-changes.v1 (visible to the evaluator): splits HTTP from evaluator. */
    private void onChange(ConsumerRecord<byte[], byte[]> r) {
        long now = System.nanoTime();
        CrmChangeRecord change = Topics.CRM_PEOPLE_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (change.getPersonId() != null) {
            changeSeenAtByPerson.putIfAbsent(change.getPersonId(), now);
        }
    }

    /**
     * Open-loop person changes at {@code changesPerSecond}, {@link #batch} per request, people from
     * {@code first} on; the people of each batch answered 202 join {@link #acceptedPeople}.
     */
    private OpenLoad.Outcome personChanges(double changesPerSecond, Duration d, int first) throws InterruptedException {
        return new OpenLoad(http).runTimed(changesPerSecond / batch, d, (i, intended) -> {
            int from = first + (int) i * batch;
            StringBuilder body = new StringBuilder("{\"changes\":[");
            for (int k = 0; k < batch; k++) {
                int person = from + k;
                intendedByPerson.put(Fixture.personId(person), intended);
                body.append(k == 0 ? "" : ",").append("{\"crm\":\"salesforce\",\"object\":\"person\",\"id\":\"crm-")
                        .append(person).append("\",\"person_id\":\"").append(Fixture.personId(person))
                        .append("\",\"fields\":{\"lifecycle_stage\":\"customer\"}}");
            }
            return HttpRequest.newBuilder(post(body.append("]}").toString()), (name, value) -> true)
                    .header(FIRST_PERSON, String.valueOf(from)).build();
        }, response -> {
            if (response.statusCode() == 202) {
                int from = Integer.parseInt(response.request().headers().firstValue(FIRST_PERSON).orElseThrow());
                for (int k = 0; k < batch; k++) {
                    acceptedPeople.add(Fixture.personId(from + k));
                }
            }
        });
    }

    private List<String> accepted(List<String> people) {
        return people.stream().filter(acceptedPeople::contains).toList();
    }

    /** Latency over the accepted changes; changes not accepted (non-202) and accepted ones never excluded are errors. */
    private Result personRow(List<String> people, OpenLoad.Outcome load) {
        List<String> accepted = accepted(people);
        Histogram latencies = latencies(accepted);
        long missing = accepted.size() - latencies.getTotalCount();
        long notAccepted = people.size() - accepted.size();
        Result row = Result.latency(NAME, "person change -> Excluded, " + batch + "/request @" + (int) rate + "/s",
                people.size(), latencies, accepted.size() / load.seconds(), missing + notAccepted, load.seconds(),
                evaluator.peakHeapMb(), evaluator.peakRssMb());
        return withCommonExtras(row, people, missing, notAccepted)
                .withExtra("http_statuses", load.statuses())
                .withExtra("http_failures", load.failures())
                .withExtra("http_p99_ms", load.latencyMicros().getValueAtPercentile(99) / 1000.0);
    }

    private Result fanOut(List<String> people) throws Exception {
        String variant = "company change -> " + people.size() + " people Excluded (fan-out)";
        long intended = System.nanoTime();
        people.forEach(p -> intendedByPerson.put(p, intended));
        HttpResponse<String> answer;
        try {
            answer = http.send(post("{\"changes\":[{\"crm\":\"hubspot\",\"object\":\"company\",\"id\":\"c-fanout\","
                    + "\"domain\":\"https://www." + FANOUT_DOMAIN + "/about\",\"fields\":{\"industry\":\"competitor\"}}]}"),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return failedFanOut(variant, people, "request failed: " + e);
        }
        if (answer.statusCode() != 202) {
            return failedFanOut(variant, people, answer.statusCode() + " " + answer.body());
        }
        double acceptedMs = (System.nanoTime() - intended) / 1e6;
        awaitExcluded(people, settle);
        Histogram latencies = latencies(people);
        long missing = people.size() - latencies.getTotalCount();
        long first = people.stream().map(excludedAtByPerson::get).filter(Objects::nonNull).mapToLong(t -> t - intended).min().orElse(0);
        double lastSeconds = latencies.getMaxValue() / 1e6;
        Result row = Result.latency(NAME, variant, people.size(), latencies,
                latencies.getTotalCount() / Math.max(lastSeconds, 1e-3), missing, lastSeconds,
                evaluator.peakHeapMb(), evaluator.peakRssMb());
        return withCommonExtras(row, people, missing, 0)
                .withExtra("http_accepted_ms", Math.round(acceptedMs * 10) / 10.0)
                .withExtra("first_excluded_ms", Math.round(first / 1e5) / 10.0)
                .withExtra("last_excluded_ms", Math.round(lastSeconds * 10_000) / 10.0);
    }

    /** The company change was not accepted: a row with every person missing, and the answer. */
    private Result failedFanOut(String variant, List<String> people, String answer) {
        Env.log(NAME + ": the company change was not accepted: " + answer);
        Result row = Result.latency(NAME, variant, people.size(), new Histogram(3), 0, people.size(), 0,
                evaluator.peakHeapMb(), evaluator.peakRssMb());
        return withCommonExtras(row, people, people.size(), 1).withExtra("http_answer", answer);
    }

    private Result withCommonExtras(Result row, List<String> people, long missing, long notAccepted) {
        long duplicates = people.stream().map(enrollmentByPerson::get).filter(id -> excludedByEnrollment.getOrDefault(id, 0) > 1).count();
        Histogram commanded = latencies(people, commandedAtByPerson);
        Histogram onTopic = latencies(people, changeSeenAtByPerson);
        boolean met = row.p99Ms() != null && row.p99Ms() < GOAL_P99_MS && missing == 0 && notAccepted == 0;
        Result r = row.withExtra("goal_p99_lt_1s", met ? "met" : "missed");
        if (onTopic.getTotalCount() > 0) {
            r = r.withExtra("to_crm_topic_p50_ms", onTopic.getValueAtPercentile(50) / 1000.0)
                    .withExtra("to_crm_topic_p99_ms", onTopic.getValueAtPercentile(99) / 1000.0);
        }
        return r
                .withExtra("to_exclude_command_p50_ms", commanded.getValueAtPercentile(50) / 1000.0)
                .withExtra("to_exclude_command_p99_ms", commanded.getValueAtPercentile(99) / 1000.0)
                .withExtra("missing_exclusions", missing)
                .withExtra("changes_not_accepted", notAccepted)
                .withExtra("duplicate_exclusions", duplicates)
                .withExtra("unexpected_exclusions", unexpected.get())
                .withExtra("enrollment_service_heap_mb", Math.round(enrollment.peakHeapMb()))
                .withExtra("enrollment_service_rss_mb", Math.round(enrollment.peakRssMb()));
    }

    /** Latency (µs) of every person that was excluded: from the change's intended time to its Excluded event. */
    private Histogram latencies(List<String> people) {
        return latencies(people, excludedAtByPerson);
    }

    /** Latency (µs) from each person's change's intended time to the time in {@code seenAt}, where there is one. */
    private Histogram latencies(List<String> people, Map<String, Long> seenAt) {
        Histogram h = new Histogram(3);
        for (String person : people) {
            Long at = seenAt.get(person);
            if (at != null) {
                h.recordValue(Math.max(1, (at - intendedByPerson.get(person)) / 1000));
            }
        }
        return h;
    }

    /** Waits until each person has an Excluded event, at most {@code timeout} (or until a service dies). */
    private void awaitExcluded(List<String> people, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && enrollment.isAlive() && evaluator.isAlive()) {
            if (people.stream().allMatch(excludedAtByPerson::containsKey)) {
                return;
            }
            Thread.sleep(100);
        }
        long missing = people.stream().filter(p -> !excludedAtByPerson.containsKey(p)).count();
        Env.log(String.format("%s: %,d of %,d people not excluded after %d s", NAME, missing, people.size(), timeout.toSeconds()));
    }

    private static List<String> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(Fixture::personId).toList();
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create(evaluator.baseUrl() + CRM_CHANGES)).timeout(Duration.ofSeconds(30))
                .header("x-api-key", ServiceProcess.API_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
