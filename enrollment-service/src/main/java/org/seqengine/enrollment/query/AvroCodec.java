package org.seqengine.enrollment.query;

import java.util.Base64;
import org.apache.avro.specific.SpecificRecord;
import org.seqengine.schemas.serde.AvroSerdes;

/** Records between instances travel in their Kafka wire format (base64 in JSON): one codec, every version readable. */
final class AvroCodec {

    private AvroCodec() {}

    static <T extends SpecificRecord> String encode(Class<T> type, T record) {
        return record == null ? null : Base64.getEncoder().encodeToString(AvroSerdes.forClass(type).serializer().serialize(null, record));
    }

    static <T extends SpecificRecord> T decode(Class<T> type, String encoded) {
        return encoded == null ? null : AvroSerdes.forClass(type).deserializer().deserialize(null, Base64.getDecoder().decode(encoded));
    }
}
