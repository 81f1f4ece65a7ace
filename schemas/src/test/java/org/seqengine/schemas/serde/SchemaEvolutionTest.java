package org.seqengine.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.avro.PersonRecord;

/** Bytes written with an older schema version decode into the current class via schema resolution. */
class SchemaEvolutionTest {

    /** A plausible "v0" of PersonRecord: without high_bounce_risk and attributes (both have defaults now). */
    private static final Schema PERSON_V0 = SchemaBuilder.record("PersonRecord").namespace("org.seqengine.schemas.avro")
            .fields()
            .requiredString("org_id")
            .requiredString("id")
            .optionalString("email")
            .optionalString("first_name")
            .optionalString("last_name")
            .optionalString("linkedin_url")
            .optionalString("company_domain")
            .requiredBoolean("do_not_email")
            .requiredBoolean("email_opt_out")
            .endRecord();

    private static byte[] writeV0() throws Exception {
        GenericRecord old = new GenericData.Record(PERSON_V0);
        old.put("org_id", "org-acme");
        old.put("id", "person-1");
        old.put("email", "old@example.com");
        old.put("do_not_email", true);
        old.put("email_opt_out", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), PERSON_V0).encode(old, out);
        return out.toByteArray();
    }

    @Test
    void olderReleasedVersionDecodesIntoCurrentClassWithDefaults() throws Exception {
        AvroSerde<PersonRecord> serde = new AvroSerde<>(PersonRecord.class, List.of(PERSON_V0));

        PersonRecord p = serde.deserialize("people.v1", writeV0());

        assertThat(p.getId()).isEqualTo("person-1");
        assertThat(p.getEmail()).isEqualTo("old@example.com");
        assertThat(p.getDoNotEmail()).isTrue();
        assertThat(p.getHighBounceRisk()).isFalse();
        assertThat(p.getAttributes()).isEmpty();
        assertThat(p.getFirstName()).isNull();
    }

    @Test
    void unreleasedWriterSchemaIsRejected() throws Exception {
        AvroSerde<PersonRecord> serde = new AvroSerde<>(PersonRecord.class, List.of());

        assertThatThrownBy(() -> serde.deserialize("people.v1", writeV0()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PersonRecord");
    }
}
