package org.seqengine.stepscheduler.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;
import org.seqengine.stepscheduler.config.SchedulerConfig;
import org.seqengine.stepscheduler.kafka.KafkaTopics;

/** Hands the topology to Quarkus' Kafka Streams extension (which starts and stops it), once the topics exist. */
@ApplicationScoped
public class SchedulerTopologyProducer {

    @Inject
    SchedulerConfig config;

    @Inject
    KafkaTopics topics;

    @Inject
    SchedulerTimeScale scale;

    @Inject
    MicrometerSchedulerMetrics metrics;

    @Produces
    public Topology topology() {
        topics.ensureCreated();
        return SchedulerTopology.build(new SchedulerSettings(scale.get(), config.tickInterval(), config.maxFiresPerTick(),
                config.sequenceCheckInterval(), config.maxReplansPerCheck()), metrics);
    }
}
