package org.seqengine.exclusion.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.seqengine.exclusion.config.ExclusionConfig;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.service.error.ApiException;

/**
 * Publishes a batch of CRM changes in one Kafka transaction (SmallRye's {@link KafkaTransactions}
 * emitter on channel {@code crm-changes}): every record becomes visible to read_committed readers
 * together, or none does. The emitter runs one transaction at a time, so batches take turns.
 */
@ApplicationScoped
public class CrmChangePublisher {

    public static final String CHANNEL = "crm-changes";
    private static final Logger LOG = Logger.getLogger(CrmChangePublisher.class);

    @Inject
    @Channel(CHANNEL)
    KafkaTransactions<CrmChangeRecord> transactions;

    @Inject
    ExclusionConfig config;

    private final ReentrantLock oneTransactionAtATime = new ReentrantLock(true);

    /** Blocks until the transaction committed; 503 when it could not within the publish timeout. */
    public void publish(List<CrmChangeRoute> batch) {
        Duration timeout = config.publishTimeout();
        try {
            if (!oneTransactionAtATime.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ApiException.unavailable("Busy publishing other changes; retry.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted; retry.");
        }
        try {
            transactions.withTransaction(tx -> {
                batch.forEach(change -> tx.send(message(change)));
                return Uni.createFrom().voidItem();
            }).await().atMost(timeout);
        } catch (RuntimeException e) {
            // a timeout, a broker error or an aborted transaction: nothing became visible
            LOG.warnf(e, "could not publish %d CRM change(s)", batch.size());
            throw ApiException.unavailable("The changes could not be published; nothing was accepted. Retry.");
        } finally {
            oneTransactionAtATime.unlock();
        }
    }

    private static Message<CrmChangeRecord> message(CrmChangeRoute change) {
        return Message.of(change.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(change.topic().name()).withKey(change.key()).build());
    }
}
