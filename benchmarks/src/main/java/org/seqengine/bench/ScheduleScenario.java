package org.seqengine.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.DispatchStepCommand;

/**
 * Scenario "schedule" (issue 9): how late step-scheduler fires due steps, and how many per second,
 * with 1,000,000 steps scheduled across 1,000 mailboxes. The packaged step-scheduler runs alone
 * next to a fresh broker — no enrollment-service: the scenario measures the scheduler, and nothing
 * answers its DispatchStep commands.
 * <p>
 * Written straight to the topics before the scheduler starts: 1,000 mailboxes (daily_limit 10,000,
 * min_seconds_between_sends 0: capacity never throttles), 4 sequences of one EMAIL step
 * ({@code wait_days} 0, no send window) with their version 1, and the people. Once the scheduler has
 * absorbed the people, N enrollment states go to {@code enrollments.v1} (active, queued, next step 0),
 * enrollment i on mailbox i % 1,000. With {@code wait_days} 0 a step is due at the enrollment's
 * {@code created_at}; these are spread uniformly over a firing window that opens a lead after the
 * states are written, time to load them first: N/20 (at least 10,000) calibration states due a day later are written
 * and loaded before, and the lead is 30 s + 2 × the time they predict for N (or
 * {@code bench.schedule.lead.s}). The load is offered open-loop: N / window
 * dispatches per second, whenever the scheduler is ready for them. Whether it had loaded every state
 * before the window opened is reported.
 * <p>
 * A read_committed consumer of {@code enrollment.commands.v1} sees every DispatchStep. Lateness =
 * when the harness saw it committed − the step's due time (what enrollment-service could act on);
 * by the record's timestamp too. Counted, not asserted: duplicates (the same enrollment and step
 * dispatched twice: must be 0), missing at the end (the run waits while dispatches keep coming: a
 * slow scheduler is measured to its end), early (before due) and unexpected dispatches.
 * Goals: lateness p99 < 1 s, ≥ 20,000 dispatches/s.
 */
public final class ScheduleScenario {

    public static final String NAME = "schedule";
    /** The scheduler's Kafka Streams application id, as packaged: its consumer group. */
    public static final String SCHEDULER_GROUP = System.getProperty("bench.scheduler.group", "step-scheduler");
    static final int MAILBOXES = 1_000;
    static final int SEQUENCES = 4;
    static final int DAILY_LIMIT = 10_000;
    static final double GOAL_P99_MS = 1000;
    static final double GOAL_PER_SECOND = 20_000;

    private final Env env;
    private final int steps;
    /** Extra states due a day later, written first (N/20, at least 10,000): how fast the scheduler loads them sets the lead. */
    private final int calibration;
    /** The firing window: due times are spread uniformly over it. */
    private final Duration window;
    /** From the first enrollment state written to the window's opening, when fixed ({@code bench.schedule.lead.s}). */
    private final Duration fixedLead;
    /** After the window closes, the run waits for missing dispatches while they keep coming: at most this long... */
    private final Duration settle;
    /** ...and until none came for this long. */
    private final Duration stall;
    /** After the last expected dispatch: how long a late duplicate still counts. */
    private final Duration quiet;
    private final DispatchTally tally = new DispatchTally();
    private final AtomicLong statuses = new AtomicLong();
    private volatile long allStatusesAtMillis;
    private long schedulerStartedAt;

    private ScheduleScenario(Env env) {
        this.env = env;
        this.steps = Integer.getInteger("bench.schedule.steps", env.quick() ? 50_000 : 1_000_000);
        this.calibration = Math.max(10_000, steps / 20);
        this.window = Duration.ofSeconds(Long.getLong("bench.schedule.window.s", env.quick() ? 20 : 40));
        Long leadSeconds = Long.getLong("bench.schedule.lead.s");
        this.fixedLead = leadSeconds == null ? null : Duration.ofSeconds(leadSeconds);
        this.settle = env.quick() ? Duration.ofMinutes(10) : Duration.ofMinutes(30);
        this.stall = Duration.ofSeconds(env.quick() ? 60 : 120);
        this.quiet = Duration.ofSeconds(env.quick() ? 5 : 10);
    }

    public static List<Result> run(Env env) throws Exception {
        return List.of(new ScheduleScenario(env).runOnce());
    }

    private Result runOnce() throws Exception {
        Path dir = env.dir(NAME);
        Env.log(NAME + ": starting a fresh broker");
        try (BrokerProcess broker = BrokerProcess.start(dir, "1g")) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            long t0 = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                ScheduleFixture.publishMailboxes(producer, MAILBOXES, DAILY_LIMIT, 0);
                for (int s = 0; s < SEQUENCES; s++) {
                    ScheduleFixture.publishSequence(producer, s, List.of(ScheduleFixture.email(0, "Hi {{first_name}}",
                            "Hello {{first_name}}, a word about {{company_domain}}.")));
                }
                Fixture.publishPeople(producer, 0, steps + calibration);
            }
            Env.log(String.format("%s: %,d mailboxes, %d sequences, %,d people in %.1f s", NAME, MAILBOXES, SEQUENCES,
                    steps + calibration,
                    (System.nanoTime() - t0) / 1e9));

            try (TopicCounter commands = new TopicCounter(bootstrap, Topics.COMMANDS.name(), this::onCommand);
                 TopicCounter status = new TopicCounter(bootstrap, Topics.SCHEDULE_STATUS.name(), this::onStatus)) {
                ServiceProcess scheduler = ServiceProcess.start(schedulerSettings(bootstrap, dir));
                try {
                    long startedAt = System.currentTimeMillis();
                    schedulerStartedAt = startedAt;
                    double ready = scheduler.awaitReady(Duration.ofMinutes(10));
                    Env.log(String.format("%s: step-scheduler ready after %.1f s", NAME, ready));
                    Double people = awaitCaughtUp(bootstrap, Topics.PEOPLE.name(), Duration.ofMinutes(30));
                    double peopleSeconds = people == null ? Double.NaN : round(people - ready);
                    double calibrationSeconds = calibrate(bootstrap);
                    Duration lead = lead(calibrationSeconds);
                    long writtenFrom = System.currentTimeMillis();
                    long windowStart = writtenFrom + lead.toMillis();
                    long windowEnd = windowStart + window.toMillis();
                    writeStates(bootstrap, windowStart);
                    double writeSeconds = (System.currentTimeMillis() - writtenFrom) / 1000.0;
                    Env.log(String.format("%s: %,d enrollment states written in %.1f s, due from %s to %s (in %.0f s)", NAME, steps,
                            writeSeconds,
                            Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd),
                            (windowStart - System.currentTimeMillis()) / 1000.0));
                    Double loaded = awaitCaughtUp(bootstrap, Topics.ENROLLMENTS.name(),
                            Duration.ofMillis(Math.max(5_000, windowEnd - System.currentTimeMillis())));
                    Double loadedAfterWrite = loaded == null ? null : loaded - (writtenFrom - startedAt) / 1000.0;
                    awaitDispatches(scheduler, windowEnd);
                    scheduler.close();
                    return result(scheduler, windowStart, writtenFrom, lead, ready, peopleSeconds, calibrationSeconds,
                            loadedAfterWrite, writeSeconds);
                } finally {
                    scheduler.close();
                }
            }
        }
    }

    /**
     * Writes {@link #calibration} extra queued states whose step is due a day later (the scheduler holds
     * them like any step not due yet; none fires during the run) and returns the seconds the scheduler
     * took to read them all, its consumer group caught up; NaN when that cannot be told.
     */
    private double calibrate(String bootstrap) throws InterruptedException {
        long from = System.currentTimeMillis();
        Instant now = Instant.now();
        Instant tomorrow = now.plus(Duration.ofDays(1));
        try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
            for (int c = 0; c < calibration; c++) {
                int i = steps + c; // enrollments and people after the measured ones
                ScheduleFixture.sendState(producer, ScheduleFixture.queued(i, i, i % SEQUENCES, i % MAILBOXES, tomorrow, now));
            }
            producer.flush();
        }
        long written = System.currentTimeMillis();
        Double caughtUp = awaitCaughtUp(bootstrap, Topics.ENROLLMENTS.name(), Duration.ofMinutes(30));
        if (caughtUp == null) {
            return Double.NaN;
        }
        double seconds = round((System.currentTimeMillis() - from) / 1000.0);
        Env.log(String.format("%s: calibration: %,d states due tomorrow written in %.1f s and read by the scheduler in %.1f s",
                NAME, calibration, (written - from) / 1000.0, seconds));
        return seconds;
    }

    /**
     * The time from writing the states to the window's opening: {@code bench.schedule.lead.s} when set,
     * else 30 s + 2 × the loading time the calibration states predict for N (less the ~3 s any
     * caught-up check takes: a second without a commit moving; 2×: the stores grow).
     */
    private Duration lead(double calibrationSeconds) {
        if (fixedLead != null) {
            return fixedLead;
        }
        if (Double.isNaN(calibrationSeconds)) {
            return Duration.ofSeconds(env.quick() ? 120 : 900);
        }
        return Duration.ofSeconds(30 + Math.round(2 * Math.max(1, calibrationSeconds - 3) * steps / calibration));
    }

    /** N queued enrollment states, due uniformly over the window (a fixed seed: the same spread every run). */
    private void writeStates(String bootstrap, long windowStart) {
        SplittableRandom random = new SplittableRandom(42);
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
            for (int i = 0; i < steps; i++) {
                long due = windowStart + random.nextLong(window.toMillis());
                tally.expect(ScheduleFixture.enrollmentId(i), 0, due);
                ScheduleFixture.sendState(producer, ScheduleFixture.queued(i, i, i % SEQUENCES, i % MAILBOXES,
                        Instant.ofEpochMilli(due), now));
            }
            producer.flush();
        }
    }

    private ServiceProcess.Settings schedulerSettings(String bootstrap, Path dir) {
        List<String> jvm = new ArrayList<>(env.serviceJvmArgs());
        String opts = System.getenv("SCHEDULER_JAVA_OPTS"); // tuning runs of the scheduler alone
        if (opts != null && !opts.isBlank()) {
            jvm.addAll(List.of(opts.trim().split("\\s+")));
        }
        if (env.profile()) {
            Path jfr = env.workDir().resolve(NAME + "-step-scheduler.jfr").toAbsolutePath();
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
            Env.log(NAME + ": recording a JFR profile of step-scheduler to " + jfr);
        }
        // SCHEDULER_DAY_LENGTH as packaged (P1D): wait_days 0 makes the day length irrelevant here
        return ServiceProcess.Settings.of(env.schedulerJar(), bootstrap, dir.resolve("scheduler-state"),
                dir.resolve("step-scheduler.log")).with(jvm, Map.of());
    }

    /**
     * Seconds from the scheduler's start until its consumer group has read everything of {@code topic}
     * (and its own internal topics); null when that cannot be told within {@code timeout}.
     */
    private Double awaitCaughtUp(String bootstrap, String topic, Duration timeout) throws InterruptedException {
        long startedAt = System.currentTimeMillis();
        try {
            KafkaIo.awaitGroupCaughtUp(bootstrap, SCHEDULER_GROUP, List.of(topic), timeout);
            double seconds = (System.currentTimeMillis() - schedulerStartedAt) / 1000.0;
            Env.log(String.format("%s: step-scheduler (group %s) has read all of %s (%.1f s after its start, %.1f s of waiting)",
                    NAME, SCHEDULER_GROUP, topic, seconds, (System.currentTimeMillis() - startedAt) / 1000.0));
            return seconds;
        } catch (IllegalStateException e) {
            Env.log(NAME + ": could not tell when step-scheduler had read " + topic + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Until every expected step was dispatched (then {@link #quiet} longer, for late duplicates), or
     * none came for {@link #stall} after the window closed, or {@link #settle} after it ran out: a
     * scheduler slower than the offered rate is measured to its end, a stuck one is not waited for.
     */
    private void awaitDispatches(ServiceProcess scheduler, long windowEnd) throws InterruptedException {
        long deadline = windowEnd + settle.toMillis();
        long lastLog = 0;
        long seen = -1;
        long progressAt = System.currentTimeMillis();
        while (tally.dispatchedOnce() < steps && System.currentTimeMillis() < deadline && scheduler.isAlive()) {
            long now = System.currentTimeMillis();
            if (tally.dispatches() != seen) {
                seen = tally.dispatches();
                progressAt = now;
            } else if (now > windowEnd && now - progressAt > stall.toMillis()) {
                Env.log(String.format("%s: no dispatch for %d s; %,d missing", NAME, stall.toSeconds(), tally.missing()));
                break;
            }
            if (now - lastLog >= 5_000) {
                lastLog = System.currentTimeMillis();
                Env.log(String.format("%s: %,d of %,d dispatched, %,d duplicates", NAME, tally.dispatchedOnce(), steps,
                        tally.duplicates()));
            }
            Thread.sleep(100);
        }
        if (!scheduler.isAlive()) {
            Env.log(NAME + ": step-scheduler exited; see " + scheduler.settings().log());
        }
        Thread.sleep(quiet.toMillis());
    }

    private void onCommand(ConsumerRecord<byte[], byte[]> r) {
        long now = System.currentTimeMillis();
        CommandEnvelope command = Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (command.getPayload() instanceof DispatchStepCommand dispatch) {
            tally.record(dispatch.getEnrollmentId(), dispatch.getStepIndex(), now, r.timestamp());
        }
    }

    /** The scheduler publishes each enrollment's due time once it holds it: a second sign of "loaded". */
    private void onStatus(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() != null && statuses.incrementAndGet() == steps + calibration) {
            allStatusesAtMillis = System.currentTimeMillis();
        }
    }

    private Result result(ServiceProcess scheduler, long windowStart, long writtenFrom, Duration lead, double ready,
                          double peopleSeconds, double calibrationSeconds, Double loadedAfterWrite, double writeSeconds) {
        Histogram lateness = tally.observedLatenessMicros();
        Histogram byTimestamp = tally.timestampLatenessMicros();
        double offered = steps / (window.toMillis() / 1000.0);
        double fires = tally.firesPerSecond();
        Boolean loadedInTime = loadedAfterWrite == null ? null : writtenFrom + loadedAfterWrite * 1000 <= windowStart;
        String variant = String.format("DispatchStep lateness, %,d mailboxes, due over %d s", MAILBOXES, window.toSeconds());
        Result row = Result.latency(NAME, variant, steps, lateness, fires, tally.errors(), tally.seconds(),
                        scheduler.peakHeapMb(), scheduler.peakRssMb())
                .withExtra("offered_per_s", Math.round(offered))
                .withExtra("peak_per_s", tally.peakPerSecond())
                .withExtra("dispatched", tally.dispatchedOnce())
                .withExtra("duplicates", tally.duplicates())
                .withExtra("missing", tally.missing())
                .withExtra("early", tally.early())
                .withExtra("unexpected", tally.unexpected())
                .withExtra("by_record_timestamp_p50/p99/max_ms", ms(byTimestamp.getValueAtPercentile(50)) + "/"
                        + ms(byTimestamp.getValueAtPercentile(99)) + "/" + ms(byTimestamp.getMaxValue()))
                .withExtra("scheduler_ready_s", round(ready))
                .withExtra("people_absorbed_s", peopleSeconds)
                .withExtra("calibration_states", calibration)
                .withExtra("calibration_loaded_s", calibrationSeconds)
                .withExtra("lead_s", lead.toSeconds())
                .withExtra("states_written_s", round(writeSeconds))
                .withExtra("states_loaded_s", loadedAfterWrite == null ? "unknown" : round(loadedAfterWrite))
                .withExtra("loaded_before_window_opened", loadedInTime == null ? "unknown" : loadedInTime)
                .withExtra("schedule_statuses_published", statuses.get());
        if (allStatusesAtMillis > 0) {
            row = row.withExtra("all_statuses_published_s", round((allStatusesAtMillis - writtenFrom) / 1000.0));
        }
        String p99Goal = row.p99Ms() != null && row.p99Ms() < GOAL_P99_MS && tally.missing() == 0 ? "met" : "NOT met";
        String rateGoal = offered < GOAL_PER_SECOND
                ? String.format("not measured (offered %,.0f/s at this size)", offered)
                : fires >= GOAL_PER_SECOND && tally.missing() == 0 ? "met" : "NOT met";
        row = row.withExtra("goal_lateness_p99_lt_1s", p99Goal).withExtra("goal_20000_per_s", rateGoal);
        Env.log(String.format("%s: %,d of %,d dispatched (%,d duplicates, %,d missing, %,d early, %,d unexpected); "
                        + "%,.0f fires/s (offered %,.0f/s, peak second %,d); lateness p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                NAME, tally.dispatchedOnce(), steps, tally.duplicates(), tally.missing(), tally.early(), tally.unexpected(),
                fires, offered, tally.peakPerSecond(), ms(lateness.getValueAtPercentile(50)),
                ms(lateness.getValueAtPercentile(99)), ms(lateness.getMaxValue())));
        Env.log(String.format("%s: goal lateness p99 < 1 s: %s; goal >= 20,000 dispatches/s: %s", NAME, p99Goal, rateGoal));
        if (!tally.samples().isEmpty()) {
            Env.log(NAME + ": e.g. " + String.join("; ", tally.samples()));
        }
        if (Boolean.FALSE.equals(loadedInTime)) {
            Env.log(NAME + ": the scheduler was still loading the states when the first steps fell due: their lateness "
                    + "includes loading (a longer lead: BENCH_SCHEDULE_LEAD_S)");
        }
        return row;
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
