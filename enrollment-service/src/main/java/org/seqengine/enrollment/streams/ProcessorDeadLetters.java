package org.seqengine.enrollment.streams;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;
import org.seqengine.service.kafka.DeadLetters;

/** A processor's record it cannot use, forwarded to its DLQ sink with the source and the error in the headers. */
final class ProcessorDeadLetters {

    private static final Logger LOG = Logger.getLogger(ProcessorDeadLetters.class);

    private ProcessorDeadLetters() {}

    /** @return the source topic (null when unknown), for the caller's metrics */
    static <V> String forward(ProcessorContext<String, Object> context, Record<String, V> record, String sink,
                              String what, Exception error) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        String topic = source == null ? null : source.topic();
        int partition = source == null ? -1 : source.partition();
        long offset = source == null ? -1 : source.offset();
        LOG.warnf("invalid %s at %s-%s@%s sent to the DLQ: %s", what, topic == null ? "?" : topic, partition, offset,
                error.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetters.describe(headers, topic, partition, offset, error);
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers), sink);
        return topic;
    }
}
