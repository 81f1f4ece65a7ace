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
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.ServiceProcess;
import org.seqengine.bench.TopicCounter;
import org.seqengine.schemas.Topics;

import kafka.server.BrokerServer;

/**
 * Chaos case 4: a 3-broker cluster (Kafka's test kit; replication factor 3, min.insync.replicas 2)
 * under racing commands; one broker is stopped while a third of the
 * commands is produced, then started again. The verifier must
 * print ALL-RECORDS-DELIVERED: nothing lost, nothing duplicated.
 */
class ThreeBrokerChaosIT {

    private static final int COMMANDS = 20_000;
    private static final int PEOPLE = 1_000;
    private static final double COMMANDS_PER_SECOND = 500;

    @TempDir
    Path work;

    @Test
    void aBrokerStoppedAndRestartedUnderLoadLosesAndDuplicatesNothing() throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(3).build());
        Map.of("offsets.topic.replication.factor", "3",
                "offsets.topic.num.partitions", "3",
                "transaction.state.log.replication.factor", "3",
                "transaction.state.log.min.isr", "2",
                "min.insync.replicas", "2",
                "default.replication.factor", "3",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false").forEach(builder::setConfigProp);
        try (KafkaClusterTestKit cluster = builder.build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3, (short) 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, PEOPLE);
            }
            ServiceProcess.Settings settings = ServiceProcess.Settings.of(ChaosSupport.serviceJar(), bootstrap,
                    work.resolve("state"), work.resolve("service.log")).with(List.of(
                    "-Xmx768m",
                    "-Dkafka-streams.replication.factor=3",
                    "-Dkafka-streams.commit.interval.ms=1000"),
                    Map.of("ENROLLMENT_TOPICS_REPLICATION_FACTOR", "3"));

            Set<String> sent = ConcurrentHashMap.newKeySet();
            Set<String> answered = ConcurrentHashMap.newKeySet();
            try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), r -> answered.add(
                    Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value()).getCommandId()));
                 ServiceProcess service = ServiceProcess.start(settings)) {
                service.awaitReady(Duration.ofMinutes(3));

                AtomicInteger produced = new AtomicInteger();
                AtomicReference<Throwable> producerError = new AtomicReference<>();
                Thread load = new Thread(() -> ChaosSupport.produceRacingCommands(bootstrap, COMMANDS, PEOPLE,
                        COMMANDS_PER_SECOND, sent, produced, producerError), "chaos-load");
                load.start();

                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> produced.get() >= COMMANDS / 3 || !load.isAlive());
                int victimId = cluster.brokers().keySet().iterator().next();
                BrokerServer victim = cluster.brokers().get(victimId);
                System.out.printf("[chaos 3 brokers] stopping broker %d after %,d commands%n", victimId, produced.get());
                victim.shutdown();
                victim.awaitShutdown();
                // the outage lasts while another third of the commands is produced (about 13 s)
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> produced.get() >= 2 * COMMANDS / 3 || !load.isAlive());
                long restarting = System.nanoTime();
                victim.startup();
                System.out.printf("[chaos 3 brokers] broker %d started again after %,d commands (startup %.1f s)%n",
                        victimId, produced.get(), (System.nanoTime() - restarting) / 1e9);
                load.join();
                assertThat(producerError.get()).as("producer error").isNull();

                awaitOutcomes(answered, sent, service);
                Verifier.Report report = Verifier.verify(bootstrap, sent, id -> ChaosSupport.storedActive(service, id));
                System.out.printf("[chaos 3 brokers] %s%n", report.summary());
                assertThat(report.allDelivered()).as(report.summary()).isTrue();
            }
        }
    }
}
