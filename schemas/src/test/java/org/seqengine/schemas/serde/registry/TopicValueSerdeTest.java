package org.seqengine.schemas.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.Samples;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.serde.AvroSerdes;
import org.seqengine.schemas.serde.SchemaHistory;

/** The topic serde's choice of encoding (registry on/off, own topic or not) and its dual read. */
class TopicValueSerdeTest {

    private static final String TOPIC = "enrollments.v1";
    private static final int ID = 41;

    private final InMemoryRegistry registry = new InMemoryRegistry()
            .register(TOPIC + "-value", ID, EnrollmentRecord.getClassSchema());
    private final TopicValueSerde<EnrollmentRecord> registryOn =
            new TopicValueSerde<>(TOPIC, AvroSerdes.forClass(EnrollmentRecord.class), () -> Optional.of(registry));
    private final TopicValueSerde<EnrollmentRecord> registryOff =
            new TopicValueSerde<>(TOPIC, AvroSerdes.forClass(EnrollmentRecord.class), Optional::empty);

    @Test
    void registryModeWritesTheConfluentWireFormatToItsTopic() throws Exception {
        byte[] bytes = registryOn.serialize(TOPIC, Samples.enrollment());

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(ID);
        GenericRecord plain = new GenericDatumReader<GenericRecord>(registry.schemaById(ID))
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(plain.get("id").toString()).isEqualTo("enr-1");
        assertThat(registryOn.deserialize(TOPIC, bytes)).isEqualTo(Samples.enrollment());
    }

    @Test
    void otherTopicNamesKeepTheSingleObjectEncoding() {
        // Kafka Streams serializes store values with the changelog topic's name: no subject there
        byte[] bytes = registryOn.serialize("enrollment-service-enrollments-store-changelog", Samples.enrollment());

        assertThat(WireFormat.isSingleObjectEncoded(bytes)).isTrue();
        assertThat(registryOn.deserialize("enrollment-service-enrollments-store-changelog", bytes)).isEqualTo(Samples.enrollment());
    }

    @Test
    void withoutRegistryTheSingleObjectEncodingIsUnchanged() {
        byte[] bytes = registryOff.serialize(TOPIC, Samples.enrollment());

        assertThat(bytes).isEqualTo(AvroSerdes.forClass(EnrollmentRecord.class).encode(Samples.enrollment()));
        assertThat(registryOff.deserialize(TOPIC, bytes)).isEqualTo(Samples.enrollment());
    }

    @Test
    void registryModeStillReadsRecordsWrittenBeforeItWasSwitchedOn() {
        byte[] old = registryOff.serialize(TOPIC, Samples.enrollment());

        assertThat(registryOn.deserialize(TOPIC, old)).isEqualTo(Samples.enrollment());
    }

    @Test
    void anOlderRegisteredWriterSchemaIsResolvedIntoTheCurrentClass() {
        var v1 = SchemaHistory.versions(MailboxRecord.class).get(0);
        assertThat(v1.getField("daily_limit")).as("v1 predates daily_limit").isNull();
        registry.register("mailboxes.v1-value", 7, v1);
        GenericRecord written = new GenericRecordBuilder(v1)
                .set("org_id", "org-acme").set("id", "mbx-1").set("email", "a@acme.example")
                .set("display_name", "A").set("owner_id", "user-1").set("is_paused", false).set("is_unauthorized", false)
                .build();
        byte[] bytes = InMemoryRegistry.wireFormat(7, v1, written);
        var serde = new TopicValueSerde<>("mailboxes.v1", AvroSerdes.forClass(MailboxRecord.class), () -> Optional.of(registry));

        MailboxRecord read = serde.deserialize("mailboxes.v1", bytes);

        assertThat(read.getEmail()).isEqualTo("a@acme.example");
        assertThat(read.getDailyLimit()).as("the current schema's default").isEqualTo(200);
    }

    @Test
    void aRegistryRecordWithoutRegistryModeNamesTheSetting() {
        byte[] bytes = registryOn.serialize(TOPIC, Samples.enrollment());

        assertThatThrownBy(() -> registryOff.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("SCHEMA_REGISTRY_URL").hasMessageContaining("schema id " + ID);
    }

    @Test
    void anUnregisteredSubjectOrUnknownIdIsASerializationException() {
        var unregistered = new TopicValueSerde<>("other.v1", AvroSerdes.forClass(EnrollmentRecord.class), () -> Optional.of(registry));
        assertThatThrownBy(() -> unregistered.serialize("other.v1", Samples.enrollment()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("other.v1-value");

        byte[] unknownId = InMemoryRegistry.wireFormat(999, EnrollmentRecord.getClassSchema(), Samples.enrollment());
        assertThatThrownBy(() -> registryOn.deserialize(TOPIC, unknownId))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 999");
    }

    @Test
    void neitherEncodingIsASerializationExceptionAndNullIsATombstone() {
        assertThatThrownBy(() -> registryOn.deserialize(TOPIC, new byte[] {7, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("neither");
        assertThat(registryOn.deserialize(TOPIC, null)).isNull();
        assertThat(registryOn.serialize(TOPIC, null)).isNull();
    }
}
