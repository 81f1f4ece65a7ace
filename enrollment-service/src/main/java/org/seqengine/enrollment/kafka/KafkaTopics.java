package org.seqengine.enrollment.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.service.kafka.TopicProvisioner;

/**
 * Makes sure every topic exists, once per process, before anything uses them: the topology (built
 * by Quarkus' Kafka Streams extension) and the reply listener both start from here, in whichever
 * order the container starts them.
 */
@ApplicationScoped
public class KafkaTopics {

    @Inject
    KafkaClients clients;

    @Inject
    EnrollmentConfig config;

    private volatile boolean ensured;

    public synchronized void ensureCreated() {
        if (!ensured) {
            TopicProvisioner.ensureTopics(clients.base("enrollment-admin"), config.topics().partitions(),
                    config.topics().replicationFactor());
            ensured = true;
        }
    }
}
