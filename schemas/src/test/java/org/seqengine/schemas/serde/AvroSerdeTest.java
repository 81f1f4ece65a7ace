package org.seqengine.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqengine.schemas.Samples;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.EnrollCommand;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RecordReplyCommand;

class AvroSerdeTest {

    static Stream<Arguments> samples() {
        return AvroSerdes.TOP_LEVEL.stream().map(t -> Arguments.of(t.getSimpleName(), t));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsEveryTopLevelRecord(String name, Class<? extends SpecificRecord> type) {
        AvroSerde serde = AvroSerdes.forClass(type);
        SpecificRecord sample = Samples.all().get(type);
        assertThat(sample).as("sample of %s", name).isNotNull();

        byte[] bytes = serde.serializer().serialize("t", sample);
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        Object back = serde.deserializer().deserialize("t", bytes);

        assertThat(back).isInstanceOf(type).isEqualTo(sample);
    }

    @Test
    void roundTripsLogicalTypesInsidePayloads() {
        AvroSerde<CommandEnvelope> serde = AvroSerdes.forClass(CommandEnvelope.class);
        CommandEnvelope cmd = Samples.replyCommand();

        CommandEnvelope back = serde.deserialize("t", serde.serialize("t", cmd));

        assertThat(back).isEqualTo(cmd);
        RecordReplyCommand payload = (RecordReplyCommand) back.getPayload();
        assertThat(payload.getReceivedAt()).isEqualTo(Samples.T1);
        assertThat(payload.getReturnDate()).isEqualTo(java.time.LocalDate.of(2025, 3, 17));
        assertThat(back.getActor()).isNull();
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<PersonRecord> serde = AvroSerdes.forClass(PersonRecord.class);
        assertThat(serde.serialize("people.v1", null)).isNull();
        assertThat(serde.deserialize("people.v1", null)).isNull();
    }

    @Test
    void garbageThrowsSerializationException() {
        AvroSerde<CommandEnvelope> serde = AvroSerdes.forClass(CommandEnvelope.class);
        byte[] valid = serde.encode(Samples.command());
        List<byte[]> garbage = new ArrayList<>(List.of(
                new byte[0],
                new byte[] {1},
                "hello, world".getBytes(),
                "{\"command_id\":\"x\"}".getBytes(),
                new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9}, // unknown fingerprint
                Arrays.copyOf(valid, 10), // header only
                Arrays.copyOf(valid, valid.length / 2))); // truncated body
        byte[] corrupted = valid.clone();
        for (int i = 10; i < corrupted.length; i++) {
            corrupted[i] = (byte) 0xFF;
        }
        garbage.add(corrupted);
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            garbage.add(b);
        }
        for (byte[] b : garbage) {
            assertThatThrownBy(() -> serde.deserialize("enrollment.commands.v1", b))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("CommandEnvelope");
        }
    }

    @Test
    void aRecordWithTheHeaderButARandomBodyNeverEscapesAsAnotherException() {
        AvroSerde<CommandEnvelope> serde = AvroSerdes.forClass(CommandEnvelope.class);
        byte[] header = Arrays.copyOf(serde.encode(Samples.command()), 10);
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] b = Arrays.copyOf(header, 10 + random.nextInt(80));
            for (int j = 10; j < b.length; j++) {
                b[j] = (byte) random.nextInt();
            }
            try {
                serde.deserialize("t", b);
            } catch (SerializationException expected) {
                // fine: garbage is either rejected with SerializationException or happens to decode
            }
        }
    }

    @Test
    void encodingAnIncompleteRecordThrowsSerializationException() {
        CommandEnvelope bad = new CommandEnvelope(); // all fields null
        assertThatThrownBy(() -> AvroSerdes.forClass(CommandEnvelope.class).serialize("t", bad))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void isSharedPerClassAndUsedByTopics() {
        assertThat(AvroSerdes.forClass(CommandEnvelope.class)).isSameAs(AvroSerdes.forClass(CommandEnvelope.class));
        assertThat(Topics.COMMANDS.avroValueType()).contains(CommandEnvelope.class);
    }

    @Test
    void isThreadSafe() throws Exception {
        AvroSerde<CommandEnvelope> serde = AvroSerdes.forClass(CommandEnvelope.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        CommandEnvelope cmd = CommandEnvelope.newBuilder(Samples.command())
                                .setCommandId("cmd-" + thread + "-" + i)
                                .setPayload(EnrollCommand.newBuilder().setSequenceId("seq-" + i).setMailboxEmails(List.of()).build())
                                .build();
                        CommandEnvelope back = serde.deserialize("t", serde.serialize("t", cmd));
                        assertThat(back).isEqualTo(cmd);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
