package org.seqengine.enrollment.query;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.enrollment.kafka.KafkaClients;
import org.seqengine.schemas.Topics;
import org.seqengine.service.error.ApiException;

/**
 * Read-your-writes for the enrollment indexes: waits until the Streams application has committed
 * (and so indexed) every enrollment change committed to {@code enrollments.v1} before this call. A
 * bulk job resolves its targets after it, so an enrollment whose 201 the client already saw is
 * never missed. (Streams commits the consumer position, past transaction markers, so an idle
 * partition reaches the end offset.)
 */
@ApplicationScoped
public class IndexBarrier {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IndexBarrier.class);
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @Inject
    KafkaClients clients;

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String applicationId;

    private volatile Admin admin;

    void stop(@Observes ShutdownEvent ignored) {
        if (admin != null) admin.close(Duration.ofSeconds(2));
    }

    public void await() {
        try {
            Admin a = admin();
            var partitions = a.describeTopics(java.util.List.of(Topics.ENROLLMENTS.name())).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(Topics.ENROLLMENTS.name()).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(Topics.ENROLLMENTS.name(), p.partition()), OffsetSpec.latest()));
            var ends = a.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (caughtUp) return;
                if (System.nanoTime() > deadline) {
                    // Liveness over a perfect barrier: a partition whose last entry is a transaction
                    // marker consumed on its own may never show as committed.
                    LOG.warnf("enrollment index not confirmed caught up after %s; resolving anyway", PATIENCE);
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        } catch (ExecutionException | TimeoutException e) {
            throw ApiException.unavailable("Could not read the index position from Kafka; retry shortly.");
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) admin = Admin.create(clients.base("enrollment-index-barrier"));
            }
        }
        return admin;
    }
}
