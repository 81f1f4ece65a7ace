package org.seqengine.schemas.serde.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** A registry codec over a map (id -> schema) for tests of the serde's dispatch; the HTTP one is service-common's. */
final class InMemoryRegistry implements RegistryCodec {

    final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    final Map<String, Integer> latestIdBySubject = new ConcurrentHashMap<>();

    InMemoryRegistry register(String subject, int id, Schema schema) {
        schemas.put(id, schema);
        latestIdBySubject.put(subject, id);
        return this;
    }

    @Override
    public byte[] encode(String topic, SpecificRecord value) {
        Integer id = latestIdBySubject.get(topic + "-value");
        if (id == null) {
            throw new IllegalStateException("subject " + topic + "-value not registered");
        }
        return wireFormat(id, schemas.get(id), value);
    }

    static byte[] wireFormat(int id, Schema writer, Object value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(ByteBuffer.allocate(5).put(WireFormat.MAGIC_BYTE).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<>(writer).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new IllegalStateException("no schema " + id);
        }
        return schema;
    }

    @Override
    public String registryUrl() {
        return "memory:";
    }
}
