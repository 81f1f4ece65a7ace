package org.seqengine.exclusion.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the topology to Quarkus' Kafka Streams extension (which starts and stops it). */
@ApplicationScoped
public class EvaluatorTopologyProducer {

    @ConfigProperty(name = "exclusion.rule-check-interval", defaultValue = "200ms")
    Duration ruleCheckInterval;

    @ConfigProperty(name = "exclusion.flip-interval", defaultValue = "200ms")
    Duration flipInterval;

    @ConfigProperty(name = "exclusion.max-flips-per-run", defaultValue = "1000")
    int maxFlipsPerRun;

    @Produces
    public Topology topology() {
        return EvaluatorTopology.build(new EvaluatorSettings(ruleCheckInterval, flipInterval, maxFlipsPerRun));
    }
}
