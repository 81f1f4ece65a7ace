package org.seqengine.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.seqengine.schemas.Topics;

/**
 * Scenario "decide": N Enroll commands over N/5 people are produced to the commands topic before
 * anything consumes them; then (1) a pass-through topology copies them to another topic and (2) the
 * packaged enrollment-service (a separate JVM: the real topology, rule book and RocksDB stores)
 * decides them all. Throughput is counted end to end on the output topics, read_committed, from the
 * first committed output record to the last, so start-up time is excluded. Once with
 * exactly_once_v2 (as packaged) and once with at_least_once, each on a fresh broker.
 */
public final class DecideScenario {

    private DecideScenario() {
    }

    public static List<Result> run(Env env) throws Exception {
        int commands = env.quick() ? 50_000 : 1_000_000;
        int people = commands / 5;
        List<Result> results = new ArrayList<>();
        for (String guarantee : List.of("exactly_once_v2", "at_least_once")) {
            Path dir = env.dir("decide-" + guarantee);
            Env.log("decide (" + guarantee + "): starting a fresh broker");
            try (BrokerProcess broker = BrokerProcess.start(dir, "1g")) {
                String bootstrap = broker.bootstrapServers();
                KafkaIo.createTopics(bootstrap, 3);
                KafkaIo.createTopics(bootstrap, List.of(new NewTopic(PassThrough.OUTPUT, 3, (short) 1)));
                long t0 = System.nanoTime();
                try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                    Fixture.publishReferenceData(producer, 0, people);
                    for (int i = 0; i < commands; i++) {
                        Fixture.sendCommand(producer, Fixture.enroll("decide-" + i, i % people, (i / people) % Fixture.SEQUENCES));
                    }
                    producer.flush();
                }
                Env.log(String.format("decide: produced %,d people and %,d commands in %.1f s", people, commands,
                        (System.nanoTime() - t0) / 1e9));

                Result passThrough = passThrough(env, bootstrap, dir, guarantee, commands);
                results.add(passThrough);
                Env.log(String.format("decide: pass-through %,.0f records/s", passThrough.throughput()));
                Result decider = decider(env, bootstrap, dir, guarantee, commands);
                Env.log(String.format("decide: enrollment-service %,.0f decisions/s (%.2f x pass-through)",
                        decider.throughput(), decider.throughput() / passThrough.throughput()));
                results.add(decider.withExtra("ratio_to_pass_through",
                        Math.round(decider.throughput() / passThrough.throughput() * 1000) / 1000.0));
            }
        }
        return results;
    }

    private static Result passThrough(Env env, String bootstrap, Path dir, String guarantee, int commands) throws Exception {
        Env.log("decide: pass-through topology (" + guarantee + ")");
        try (TopicCounter counter = new TopicCounter(bootstrap, PassThrough.OUTPUT, null);
             PassThrough ignored = new PassThrough(bootstrap, "bench-passthrough", guarantee, dir.resolve("passthrough-state"),
                     PassThrough.serviceLikeSettings(env.effectiveCommitIntervalMs()))) {
            if (!counter.await(commands, Duration.ofMinutes(20), () -> true)) {
                throw new IllegalStateException("pass-through copied only " + counter.count() + " of " + commands);
            }
            double seconds = (counter.lastNanos() - counter.firstNanos()) / 1e9;
            return Result.throughput("decide", "pass-through, " + guarantee, commands, commands / seconds, seconds, null, null);
        }
    }

    private static Result decider(Env env, String bootstrap, Path dir, String guarantee, int commands) throws Exception {
        Env.log("decide: enrollment-service (" + guarantee + ")");
        List<String> jvm = new ArrayList<>(env.serviceJvmArgs());
        jvm.add("-Dkafka-streams.processing.guarantee=" + guarantee);
        if (env.profile() && guarantee.startsWith("exactly")) {
            Path jfr = env.workDir().resolve("decide-" + guarantee + ".jfr").toAbsolutePath();
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
            Env.log("decide: recording a JFR profile of the service to " + jfr);
        }
        ServiceProcess.Settings settings = ServiceProcess.Settings.of(env.serviceJar(), bootstrap, dir.resolve("service-state"),
                dir.resolve("service.log")).with(jvm, Map.of());
        try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), null)) {
            ServiceProcess service = ServiceProcess.start(settings);
            try {
                long start = System.nanoTime();
                if (!replies.await(commands, Duration.ofMinutes(30), service::isAlive)) {
                    throw new IllegalStateException("the service decided only " + replies.count() + " of " + commands
                            + "; see " + settings.log());
                }
                double seconds = (replies.lastNanos() - replies.firstNanos()) / 1e9;
                double withStartup = (replies.lastNanos() - start) / 1e9;
                service.close();
                return Result.throughput("decide", "enrollment-service, " + guarantee, commands, commands / seconds, seconds,
                        service.peakHeapMb(), service.peakRssMb())
                        .withExtra("seconds_including_startup", Math.round(withStartup * 10) / 10.0);
            } finally {
                service.close();
            }
        }
    }
}
