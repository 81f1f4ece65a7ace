package org.seqengine.mailer.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.seqengine.mailer.config.ChannelTopics;
import org.seqengine.mailer.config.MailerConfig;
import org.seqengine.mailer.kafka.SendRequestBatch.Arrival;
import org.seqengine.mailer.domain.SendLedger;
import org.seqengine.schemas.Topics;

/**
 * Send requests in, delivery results out, exactly once: each polled batch's results, its dead letters and its
 * consumer offsets are one Kafka transaction (SmallRye's {@link KafkaTransactions} with the incoming batch). A failed
 * transaction is aborted and the consumer goes back to the last committed offsets, so the batch comes again.
 * The ledger (dedupe and counts) learns of a batch only after its transaction committed. Sealed requests are opened
 * with the person's key from {@link PersonKeys}.
 */
@ApplicationScoped
public class SendRequestProcessor {

    private static final Logger LOG = Logger.getLogger(SendRequestProcessor.class);

    @Inject
    @Channel(ChannelTopics.DELIVERY_RESULTS)
    KafkaTransactions<byte[]> transactions;

    @Inject
    SendLedger ledger;

    @Inject
    PersonKeys keys;

    @Inject
    MailerConfig config;

    private final Counter sends;
    private final Counter duplicates;
    private final Counter deadLetters;

    @Inject
    SendRequestProcessor(MeterRegistry registry) {
        sends = Counter.builder("mailer.sends").description("Emails sent (one per send request)").register(registry);
        duplicates = Counter.builder("mailer.duplicates.received")
                .description("Send requests received again after they were sent (nothing sent)").register(registry);
        // the same meter as the services' DeadLetterDeserializationHandler
        deadLetters = Counter.builder("enrollment.dead_letters").tag("source_topic", Topics.SEND_REQUESTS.name())
                .register(registry);
    }

    @Incoming(ChannelTopics.SEND_REQUESTS)
    public Uni<Void> process(KafkaRecordBatch<byte[], byte[]> batch) {
        List<Arrival> arrivals = SendRequestBatch.decode(batch.getRecords());
        return keysOf(arrivals).chain(() -> send(batch,
                SendRequestBatch.plan(arrivals, ledger::hasSent, keys::get, Instant.now())));
    }

    /**
     * Done at once unless a sealed request's key has not been read yet; then when the key consumer has caught up with
     * it, or after {@code mailer.key-wait} (those requests then go to the DLQ). Never blocks the event loop.
     */
    private Uni<Void> keysOf(List<Arrival> arrivals) {
        if (!SendRequestBatch.awaitsKeys(arrivals, keys::get, keys::isErased)) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Uni<Void> caughtUp = Uni.createFrom()
                .completionStage(() -> keys.await(
                        () -> !SendRequestBatch.awaitsKeys(arrivals, keys::get, keys::isErased), config.keyWait()))
                .invoke(found -> {
                    if (!found) {
                        LOG.warnf("%s did not yield every key a batch of %d send request(s) needs within %s; the "
                                + "requests whose key is missing go to the DLQ", Topics.PEOPLE_KEYS.name(),
                                arrivals.size(), config.keyWait());
                    }
                })
                .replaceWithVoid();
        // back on the channel's context, where the transaction of the batch is run
        return context == null ? caughtUp : caughtUp.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Uni<Void> send(KafkaRecordBatch<byte[], byte[]> batch, SendRequestBatch plan) {
        // withTransaction (not withTransactionAndAck): the ledger must learn of the batch only when it committed
        return transactions.withTransaction(batch, tx -> {
                    plan.messages().forEach(tx::send);
                    return Uni.createFrom().voidItem();
                })
                .invoke(() -> remember(plan))
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(batch.ack());
                    }
                    LOG.warnf(failure, "a batch of %d send request(s) was rolled back; it will be processed again",
                            batch.getRecords().size());
                    return Uni.createFrom().completionStage(batch.nack(failure));
                });
    }

    private void remember(SendRequestBatch plan) {
        plan.sent().forEach(ledger::recordSent);
        plan.duplicates().forEach(ledger::recordDuplicate);
        sends.increment(plan.sent().size());
        duplicates.increment(plan.duplicates().size());
        deadLetters.increment(plan.deadLetters());
        if (!plan.duplicates().isEmpty()) {
            LOG.infof("%d send request(s) received again and not sent: %s", plan.duplicates().size(), plan.duplicates());
        }
    }
}
