package org.seqengine.stepscheduler.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.serde.registry.SchemaRegistryUnavailableException;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.service.kafka.DeadLetters;

/**
 * steps.delivery-results.v1 -> enrollment.commands.v1, exactly once (SmallRye
 * {@link KafkaTransactions#withTransactionAndAck}): each batch's commands, its dead letters and its
 * consumed offsets commit in one transaction, or none of it does and the batch is read again. What
 * each result becomes: {@link DeliveryResultMapping}. A record that does not decode, or does not
 * map, goes to steps.delivery-results.dlq.v1 with its bytes and the dlq.* headers; the bridge goes on.
 */
@ApplicationScoped
public class DeliveryResultBridge {

    public static final String INCOMING = "delivery-results";
    public static final String OUTGOING = "delivery-commands";
    private static final Logger LOG = Logger.getLogger(DeliveryResultBridge.class);

    @Inject
    @Channel(OUTGOING)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    KafkaTransactions<byte[]> transactions;

    @Inject
    MeterRegistry registry;

    @Incoming(INCOMING)
    public Uni<Void> bridge(KafkaRecordBatch<String, byte[]> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a Kafka batch without its records"));
        // translated inside the transaction: a schema registry that does not answer aborts it, and the batch
        // is read again from the last commit instead of being skipped
        return transactions.withTransactionAndAck(batch, tx -> {
            List<Message<byte[]>> out = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : metadata.getRecords()) {
                out.add(translate(record));
            }
            out.forEach(tx::send);
            return Uni.createFrom().voidItem();
        });
    }

    Message<byte[]> translate(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) throw new SerializationException("the record has no value");
            DeliveryResultRecord result = Topics.DELIVERY_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            DeliveryResultMapping.Outcome outcome = DeliveryResultMapping.map(result);
            if (outcome instanceof DeliveryResultMapping.Command c) {
                registry.counter("scheduler.delivery_results", "outcome", result.getOutcome()).increment();
                byte[] value = Topics.COMMANDS.valueSerde().serializer().serialize(Topics.COMMANDS.name(), c.command());
                return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.COMMANDS.name()).withKey(c.key()).build());
            }
            return deadLetter(record, new IllegalArgumentException(((DeliveryResultMapping.Rejected) outcome).reason()));
        } catch (SchemaRegistryUnavailableException e) {
            throw e; // a good record: never a dead letter
        } catch (RuntimeException e) {
            return deadLetter(record, e);
        }
    }

    private Message<byte[]> deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        String dlq = Topics.DELIVERY_RESULTS.dlqName();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetters.describe(headers, record.topic(), record.partition(), record.offset(), error);
        registry.counter("enrollment.dead_letters", "source_topic", record.topic()).increment();
        LOG.warnf("delivery result %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(), dlq,
                error.getMessage());
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(dlq).withKey(record.key()).withHeaders(headers).build());
    }
}
