package org.seqengine.enrollment.streams;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams producer's {@code max.request.size}, checked the way {@code KafkaProducer.send}
 * checks it (the same upper-bound estimate), so an oversized output is found while the command can
 * still be dead-lettered instead of failing the task at send time.
 */
final class RecordSizeLimit {

    private final int maxBytes;

    RecordSizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    static RecordSizeLimit from(Map<String, Object> appConfigs) {
        Object value = appConfigs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (value == null) value = appConfigs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return new RecordSizeLimit(value == null ? 1024 * 1024 : Integer.parseInt(value.toString().trim()));
    }

    int maxBytes() {
        return maxBytes;
    }

    boolean fits(byte[] key, byte[] value, Headers headers) {
        return size(key, value, headers) <= maxBytes;
    }

    void check(String destination, byte[] key, byte[] value, Headers headers) {
        int size = size(key, value, headers);
        if (size > maxBytes) {
            throw new RecordTooLargeException("a record of " + size + " bytes for " + destination
                    + " exceeds max.request.size " + maxBytes);
        }
    }

    private static int size(byte[] key, byte[] value, Headers headers) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key, value, headers == null ? new org.apache.kafka.common.header.Header[0] : headers.toArray());
    }
}
