package org.seqengine.service.kafka;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;

/** The headers every dead letter carries, and where a topic's dead letters go. */
public final class DeadLetters {

    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** {@code <error class>: <message>}, at most 1000 characters. */
    public static final String ERROR = "dlq.error";
    public static final String ERROR_CLASS = "dlq.error.class";
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** The id an API caller got in its 500 answer and the log line names: derived from topic, partition, offset. */
    public static final String REFERENCE = "dlq.reference";
    /** Set (to the original value's size) when the value was too large to be dead-lettered and was left out. */
    public static final String VALUE_OMITTED = "dlq.value.omitted";

    private static final int MAX_TEXT = 1000;

    private DeadLetters() {}

    public static void describe(Headers headers, String topic, int partition, long offset, Throwable error) {
        headers.add(SOURCE_TOPIC, bytes(String.valueOf(topic)));
        headers.add(SOURCE_PARTITION, bytes(String.valueOf(partition)));
        headers.add(SOURCE_OFFSET, bytes(String.valueOf(offset)));
        headers.add(ERROR, bytes(truncate(error.getClass().getSimpleName() + ": " + error.getMessage())));
        headers.add(ERROR_CLASS, bytes(error.getClass().getName()));
        headers.add(ERROR_MESSAGE, bytes(truncate(String.valueOf(error.getMessage()))));
        headers.add(REFERENCE, bytes(reference(topic, partition, offset)));
    }

    /**
     * The dead letter's reference: stable for a source record, so a task that aborts and processes
     * the record again names the same reference, and an operator can find it from either side.
     */
    public static String reference(String topic, int partition, long offset) {
        return UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The last value of a header as text, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The DLQ of a source topic, by the registry's naming rule. */
    public static String dlqOf(String sourceTopic) {
        return Topics.all().stream().filter(t -> t.name().equals(sourceTopic)).findFirst()
                .map(Topic::dlqName).orElse(sourceTopic + ".dlq");
    }

    public static String truncate(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
