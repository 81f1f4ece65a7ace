package org.seqengine.enrollment.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.streams.EnrollmentTopology;
import org.seqengine.enrollment.streams.TopologySettings;
import org.seqengine.scheduler.domain.TimeScale;

/** Hands the topology to Quarkus' Kafka Streams extension, after making sure its topics exist. */
@ApplicationScoped
public class TopologyProducer {

    @Inject
    KafkaTopics topics;

    @Inject
    EnrollmentConfig config;

    @Produces
    public Topology topology() {
        topics.ensureCreated();
        if (EnrollmentConfig.DEV_SUPPRESSION_SECRET.equals(config.suppressionSecret())) {
            Logger.getLogger(TopologyProducer.class).warn("ENROLLMENT_SUPPRESSION_SECRET is not set: the suppression list "
                    + "uses the local-run default secret; set one (and keep it) in production");
        }
        return EnrollmentTopology.build(new TopologySettings(config.commandOutcomeRetention(),
                config.unenrollJobs().retention(), config.unenrollJobs().publishInterval(),
                TimeScale.ofDayLength(config.schedulerDayLength()), config.suppressionSecret()));
    }
}
