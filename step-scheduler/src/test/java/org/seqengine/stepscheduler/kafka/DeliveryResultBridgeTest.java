package org.seqengine.stepscheduler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.service.kafka.DeadLetters;

/** One record of the bridge's batch: a command to enrollment.commands.v1, or the raw record to the DLQ with headers. */
class DeliveryResultBridgeTest {

    private final DeliveryResultBridge bridge = bridge();

    private static DeliveryResultBridge bridge() {
        DeliveryResultBridge b = new DeliveryResultBridge();
        b.registry = new SimpleMeterRegistry();
        return b;
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.DELIVERY_RESULTS.name(), 2, 41L, "org-a/p-1", value);
    }

    @Test
    void aResultBecomesItsCommandKeyedByPerson() {
        byte[] bytes = Topics.DELIVERY_RESULTS.valueSerde().serializer().serialize("t",
                DeliveryResultMappingTest.result("SENT", b -> {}));
        Message<byte[]> out = bridge.translate(record(bytes));
        OutgoingKafkaRecordMetadata<?> meta = out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(meta.getTopic()).isEqualTo(Topics.COMMANDS.name());
        assertThat(meta.getKey()).isEqualTo("org-a/p-1");
        CommandEnvelope command = Topics.COMMANDS.valueSerde().deserializer().deserialize("t", out.getPayload());
        assertThat(command.getCommandId()).isEqualTo("result:res-1");
    }

    @Test
    void undecodableAndMalformedResultsGoToTheDlqWithTheirBytesAndHeaders() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        Message<byte[]> out = bridge.translate(record(garbage));
        OutgoingKafkaRecordMetadata<?> meta = out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(meta.getTopic()).isEqualTo("steps.delivery-results.dlq.v1");
        assertThat(meta.getKey()).isEqualTo("org-a/p-1");
        assertThat(out.getPayload()).isEqualTo(garbage);
        assertThat(DeadLetters.text(meta.getHeaders(), DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.DELIVERY_RESULTS.name());
        assertThat(DeadLetters.text(meta.getHeaders(), DeadLetters.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(DeadLetters.text(meta.getHeaders(), DeadLetters.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(DeadLetters.text(meta.getHeaders(), DeadLetters.ERROR_CLASS)).isNotBlank();

        byte[] unknownOutcome = Topics.DELIVERY_RESULTS.valueSerde().serializer().serialize("t",
                DeliveryResultMappingTest.result("DELIVERED", b -> {}));
        OutgoingKafkaRecordMetadata<?> rejected = bridge.translate(record(unknownOutcome))
                .getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(rejected.getTopic()).isEqualTo("steps.delivery-results.dlq.v1");
        assertThat(DeadLetters.text(rejected.getHeaders(), DeadLetters.ERROR_MESSAGE)).contains("outcome must be one of");

        assertThat(bridge.translate(record(null)).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic())
                .isEqualTo("steps.delivery-results.dlq.v1");
    }
}
