package org.seqengine.stepscheduler.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.service.kafka.TopicProvisioner;
import org.seqengine.stepscheduler.config.SchedulerConfig;

/**
 * Creates the system's topics that do not exist yet, once per process, before anything uses them:
 * the topology (its sources must exist when Streams starts) and the delivery-results bridge.
 */
@ApplicationScoped
public class KafkaTopics {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SchedulerConfig config;

    private volatile boolean ensured;

    void onStart(@Observes StartupEvent start) {
        ensureCreated();
    }

    public synchronized void ensureCreated() {
        if (!ensured) {
            TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", bootstrapServers, "client.id", "step-scheduler-admin"),
                    config.topics().partitions(), config.topics().replicationFactor());
            ensured = true;
        }
    }
}
