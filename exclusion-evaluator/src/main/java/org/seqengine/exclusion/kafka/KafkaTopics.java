package org.seqengine.exclusion.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.exclusion.config.ExclusionConfig;
import org.seqengine.service.kafka.TopicProvisioner;

/** Creates the system's topics that do not exist yet, before the first request is served. */
@ApplicationScoped
public class KafkaTopics {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ExclusionConfig config;

    void ensureCreated(@Observes StartupEvent start) {
        TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", bootstrapServers, "client.id", "exclusion-evaluator-admin"),
                config.topics().partitions(), config.topics().replicationFactor());
    }
}
