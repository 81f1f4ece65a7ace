package org.seqengine.service.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.ApicurioRegistryStub;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.serde.AvroSerdes;
import org.seqengine.schemas.serde.registry.SchemaRegistryUnavailableException;
import org.seqengine.schemas.serde.registry.TopicValueSerde;
import org.seqengine.service.kafka.DeadLetterDeserializationHandler;

/**
 * A registry that does not answer never turns a good record into a dead letter: reading it fails with
 * {@link SchemaRegistryUnavailableException} and the Streams handler stops (the record is read again after the
 * restart); a registry that answers "no such id" makes it a bad record, dead-lettered as before.
 */
class RegistryOutageTest {

    private static final String TOPIC = Topics.EVENTS.name();

    @Test
    void anUnreachableRegistryIsUnavailableNotABadRecord() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TopicValueSerde<EventEnvelope> serde = serdeOver(new ApicurioRegistryCodec("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> serde.deserialize(TOPIC, wireFormat(7)))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("schema id 7");
    }

    @Test
    void aRegistryAnsweringWithServerErrorsIsUnavailable() {
        try (ApicurioRegistryStub registry = new ApicurioRegistryStub()) {
            registry.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503)));
            TopicValueSerde<EventEnvelope> serde = serdeOver(new ApicurioRegistryCodec(registry.url()));

            assertThatThrownBy(() -> serde.deserialize(TOPIC, wireFormat(8)))
                    .isInstanceOf(SchemaRegistryUnavailableException.class);
        }
    }

    @Test
    void anIdTheRegistryDoesNotHaveIsABadRecord() {
        try (ApicurioRegistryStub registry = new ApicurioRegistryStub()) { // answers 404 to everything
            TopicValueSerde<EventEnvelope> serde = serdeOver(new ApicurioRegistryCodec(registry.url()));

            assertThatThrownBy(() -> serde.deserialize(TOPIC, wireFormat(9)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema id 9")
                    .satisfies(e -> assertThat(SchemaRegistryUnavailableException.isCauseOf(e)).isFalse());
        }
    }

    @Test
    void theStreamsHandlerStopsInsteadOfDeadLetteringWhenTheRegistryIsUnavailable() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler(); // no DLQ producer needed
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 0, 42L, new byte[0], wireFormat(7));

        DeserializationHandlerResponse response = handler.handle((org.apache.kafka.streams.errors.ErrorHandlerContext) null, record, new org.apache.kafka.streams.errors.StreamsException(
                new SchemaRegistryUnavailableException("registry down", new IOException("connection refused"))));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    private static TopicValueSerde<EventEnvelope> serdeOver(ApicurioRegistryCodec codec) {
        return new TopicValueSerde<>(TOPIC, AvroSerdes.forClass(EventEnvelope.class), () -> Optional.of(codec));
    }

    /** A record in the Confluent wire format naming schema id {@code id} (the body is never reached). */
    private static byte[] wireFormat(int id) {
        return ByteBuffer.allocate(8).put((byte) 0).putInt(id).put(new byte[] {2, 4, 6}).array();
    }
}
