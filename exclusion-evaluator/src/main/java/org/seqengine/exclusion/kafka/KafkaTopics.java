package org.seqengine.exclusion.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.exclusion.config.ExclusionConfig;
import org.seqengine.service.kafka.TopicProvisioner;

/**
 * Creates the system's topics that do not exist yet, once per process, before anything uses them:
 * the topology (its sources must exist when Streams starts) and the HTTP edge, in whichever order the
 * container starts them.
 */
@ApplicationScoped
public class KafkaTopics {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ExclusionConfig config;

    private volatile boolean ensured;

    void onStart(@Observes StartupEvent start) {
        ensureCreated();
    }

    public synchronized void ensureCreated() {
        if (!ensured) {
            TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", bootstrapServers, "client.id", "exclusion-evaluator-admin"),
                    config.topics().partitions(), config.topics().replicationFactor());
            ensured = true;
        }
    }
}
