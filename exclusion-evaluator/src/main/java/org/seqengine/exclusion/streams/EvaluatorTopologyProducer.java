package org.seqengine.exclusion.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;
import org.seqengine.exclusion.config.ExclusionConfig;
import org.seqengine.exclusion.kafka.KafkaTopics;

/** Hands the topology to Quarkus' Kafka Streams extension (which starts and stops it), once the topics exist. */
@ApplicationScoped
public class EvaluatorTopologyProducer {

    @Inject
    ExclusionConfig config;

    @Inject
    KafkaTopics topics;

    @Produces
    public Topology topology() {
        topics.ensureCreated();
        return EvaluatorTopology.build(new EvaluatorSettings(config.ruleCheckInterval(), config.flipInterval(),
                config.maxFlipsPerRun()));
    }
}
