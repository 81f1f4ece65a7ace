package org.seqengine.service.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.seqengine.schemas.serde.registry.SchemaRegistryUnavailableException;

/**
 * Undecodable input never stops the pipeline (a schema registry that does not answer does: see
 * {@link SchemaRegistryUnavailableException}): the raw bytes go to the source topic's DLQ with the
 * source topic, partition, offset and error in headers, and processing continues. (Kafka Streams
 * 4.1 has no built-in DLQ.) The DLQ write is acknowledged before the record is skipped.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DeadLetterDeserializationHandler.class);

    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "dlq-" + configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + System.identityHashCode(this));
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        if (SchemaRegistryUnavailableException.isCauseOf(exception)) {
            // a good record whose schema could not be fetched: stop rather than skip it; the restarted
            // instance reads it again from the last commit
            LOG.errorf("record %s-%d@%d needs the schema registry, which did not answer; stopping so it is not lost: %s",
                    record.topic(), record.partition(), record.offset(), exception.getMessage());
            return DeserializationHandlerResponse.FAIL;
        }
        String dlq = DeadLetters.dlqOf(record.topic());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetters.describe(headers, record.topic(), record.partition(), record.offset(), exception);
        try {
            producer.send(new ProducerRecord<>(dlq, null, record.key(), record.value(), headers)).get();
            Metrics.counter("enrollment.dead_letters", "source_topic", record.topic()).increment();
            LOG.warnf("undecodable record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                    dlq, exception.getMessage());
            return DeserializationHandlerResponse.CONTINUE;
        } catch (Exception e) {
            LOG.errorf(e, "could not write undecodable record %s-%d@%d to %s; stopping so it is not lost",
                    record.topic(), record.partition(), record.offset(), dlq);
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
