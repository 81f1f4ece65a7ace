package org.seqengine.enrollment.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;

/** The headers every dead letter carries, and where a topic's dead letters go. */
public final class DeadLetters {

    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String ERROR = "dlq.error";

    private DeadLetters() {}

    public static void describe(Headers headers, String topic, int partition, long offset, Exception error) {
        headers.add(SOURCE_TOPIC, bytes(String.valueOf(topic)));
        headers.add(SOURCE_PARTITION, bytes(String.valueOf(partition)));
        headers.add(SOURCE_OFFSET, bytes(String.valueOf(offset)));
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        headers.add(ERROR, bytes(message.length() > 1000 ? message.substring(0, 1000) : message));
    }

    /** The DLQ of a source topic, by the registry's naming rule. */
    public static String dlqOf(String sourceTopic) {
        return Topics.all().stream().filter(t -> t.name().equals(sourceTopic)).findFirst()
                .map(Topic::dlqName).orElse(sourceTopic + ".dlq");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
