package org.seqengine.enrollment.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;
import org.seqengine.enrollment.kafka.KafkaTopics;
import org.seqengine.enrollment.streams.EnrollmentTopology;

/** The real topology with {@link PoisonedDecider} behind the guard; enabled by a test profile. */
@Alternative
@ApplicationScoped
public class PoisonedTopologyProducer {

    @Inject
    KafkaTopics topics;

    @Produces
    public Topology topology() {
        topics.ensureCreated();
        return EnrollmentTopology.build(PoisonedDecider::new);
    }
}
