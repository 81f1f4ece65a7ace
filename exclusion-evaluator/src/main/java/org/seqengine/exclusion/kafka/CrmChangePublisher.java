package org.seqengine.exclusion.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** A permit, not a lock: the thread that ends a transaction may not be the one that began it. */
    private final Semaphore oneTransactionAtATime = new Semaphore(1, true);

    /**
     * Blocks until the transaction committed; 503 when it could not within the publish timeout. The
     * next batch starts only once this transaction has ended, even when its caller stopped waiting
     * (the emitter refuses a second open transaction).
     */
    public void publish(List<CrmChangeRoute> batch) {
        Duration timeout = config.publishTimeout();
        try {
            if (!oneTransactionAtATime.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ApiException.unavailable("Busy publishing other changes; retry.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted; retry.");
        }
        CompletableFuture<Void> done;
        try {
            done = transactions.withTransaction(tx -> {
                batch.forEach(change -> tx.send(message(change)));
                return Uni.createFrom().voidItem();
            }).subscribeAsCompletionStage();
        } catch (RuntimeException e) {
            oneTransactionAtATime.release();
            LOG.warnf(e, "could not publish %d CRM change(s)", batch.size());
            throw ApiException.unavailable("The changes could not be published; nothing was accepted. Retry.");
        }
        done.whenComplete((ignored, error) -> oneTransactionAtATime.release());
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("publishing %d CRM change(s) takes longer than %s; answered 503", batch.size(), timeout);
            throw ApiException.unavailable("The changes were not confirmed in time and may still be published; "
                    + "retrying is safe (a repeated change converges: per field, the later changed_at wins).");
        } catch (ExecutionException e) {
            // a broker error or an aborted transaction: nothing became visible
            LOG.warnf(e.getCause(), "could not publish %d CRM change(s)", batch.size());
            throw ApiException.unavailable("The changes could not be published; nothing was accepted. Retry.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted; retry.");
        }
    }

    private static Message<CrmChangeRecord> message(CrmChangeRoute change) {
        return Message.of(change.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(change.topic().name()).withKey(change.key()).build());
    }
}
