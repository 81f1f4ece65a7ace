package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.seqengine.bench.chaos.ChaosSupport.awaitOutcomes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.ServiceProcess;
import org.seqengine.bench.TopicCounter;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;

/**
 * Chaos case 1 and its control: 50,000 commands over 2,000 people, with races on one person
 * (bursts of enrolls, opt-outs and unenrolls within milliseconds), while the packaged service is
 * killed with SIGKILL five times and restarted. The commit interval is raised to 5 s, so every kill
 * lands inside an open transaction. Under exactly_once_v2 the verifier must print
 * ALL-RECORDS-DELIVERED; under at_least_once it must find duplicates (the checker can fail).
 */
class KillNineChaosIT {

    private static final int COMMANDS = 50_000;
    private static final int PEOPLE = 2_000;
    private static final int KILLS = 5;
    private static final double COMMANDS_PER_SECOND = 800;

    @TempDir
    Path work;

    @Test
    void exactlyOnceKeepsEveryInvariantThroughFiveKills() throws Exception {
        Verifier.Report report = run("exactly_once_v2");
        assertThat(report.allDelivered()).as(report.summary()).isTrue();
    }

    @Test
    void atLeastOnceControlRunReportsDuplicates() throws Exception {
        Verifier.Report report = run("at_least_once");
        assertThat(report.duplicates()).as(report.summary()).isPositive();
    }

    private Verifier.Report run(String guarantee) throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, PEOPLE);
            }
            ServiceProcess.Settings settings = ServiceProcess.Settings.of(ChaosSupport.serviceJar(), bootstrap,
                    work.resolve("state-" + guarantee), work.resolve("service-" + guarantee + ".log")).with(List.of(
                    "-Xmx768m",
                    "-Dkafka-streams.processing.guarantee=" + guarantee,
                    "-Dkafka-streams.commit.interval.ms=5000",
                    "-Dkafka-streams.session.timeout.ms=6000"), Map.of());

            Set<String> sent = ConcurrentHashMap.newKeySet();
            Set<String> answered = ConcurrentHashMap.newKeySet();
            try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), r -> answered.add(
                    Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value()).getCommandId()))) {
                ServiceProcess service = ServiceProcess.start(settings);
                service.awaitReady(Duration.ofMinutes(3));

                AtomicInteger produced = new AtomicInteger();
                AtomicReference<Throwable> producerError = new AtomicReference<>();
                Thread load = new Thread(() -> ChaosSupport.produceRacingCommands(bootstrap, COMMANDS, PEOPLE, COMMANDS_PER_SECOND,
                        sent, produced, producerError), "chaos-load");
                load.start();

                double[] recovery = new double[KILLS];
                for (int k = 0; k < KILLS; k++) {
                    int threshold = (k + 1) * COMMANDS / (KILLS + 1);
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                            .until(() -> produced.get() >= threshold || !load.isAlive());
                    int producedAtKill = produced.get();
                    service.kill9();
                    long killedAt = System.nanoTime();
                    service = ServiceProcess.start(settings);
                    service.awaitReady(Duration.ofMinutes(3));
                    recovery[k] = (System.nanoTime() - killedAt) / 1e9;
                    System.out.printf("[chaos %s] kill -9 #%d after %,d commands; ready again after %.1f s%n",
                            guarantee, k + 1, producedAtKill, recovery[k]);
                }
                load.join();
                assertThat(producerError.get()).as("producer error").isNull();

                awaitOutcomes(answered, sent, service);
                final ServiceProcess current = service;
                Verifier.Report report = Verifier.verify(bootstrap, sent, id -> ChaosSupport.storedActive(current, id));
                System.out.printf("[chaos %s] %d kills, recovery (kill to ready) %s s%n[chaos %s] %s%n", guarantee, KILLS,
                        java.util.Arrays.toString(java.util.Arrays.stream(recovery).map(s -> Math.round(s * 10) / 10.0).toArray()),
                        guarantee, report.summary());
                service.close();
                return report;
            }
        }
    }
}
