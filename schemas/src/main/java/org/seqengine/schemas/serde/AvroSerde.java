package org.seqengine.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro class, using Avro's single-object encoding (2-byte marker
 * {@code C3 01}, 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, binary body).
 *
 * <p>The decoder knows every released version of the record ({@link SchemaHistory}) plus the current
 * one, so bytes written with an older version decode into the current class (schema resolution).
 * {@code null} bytes are {@code null} values (tombstones) both ways. Anything undecodable throws
 * {@link SerializationException}.
 *
 * <p>Thread-safe: Avro's {@link BinaryMessageEncoder} / {@link BinaryMessageDecoder} keep their
 * mutable buffers in thread-locals and their codec caches in concurrent maps (the generated classes
 * share one static encoder/decoder across threads too); {@link SchemaStore.Cache} is a concurrent map.
 * Use {@link AvroSerdes#forClass(Class)} for the shared instance per class.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final Schema schema;
    private final List<Schema> history;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final SpecificData model;
    /** Readers of bare Avro binary bodies by writer schema (the registry's schemas; few per record). */
    private final Map<Schema, SpecificDatumReader<T>> readersByWriter = new ConcurrentHashMap<>();

    /** A serde reading every released version of {@code type} (see {@link SchemaHistory}). */
    public AvroSerde(Class<T> type) {
        this(type, SchemaHistory.versions(type));
    }

    /** A serde reading the given writer schemas (plus the current one); for tests. */
    AvroSerde(Class<T> type, List<Schema> readableVersions) {
        this.type = Objects.requireNonNull(type, "type");
        SpecificData classModel = SpecificData.getForClass(type);
        SpecificData model = new ListArrayData(type.getClassLoader(), classModel);
        this.model = model;
        this.schema = classModel.getSchema(type);
        this.history = List.copyOf(readableVersions);
        SchemaStore.Cache store = new SchemaStore.Cache();
        history.forEach(store::addSchema);
        store.addSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, store);
        history.forEach(decoder::addSchema);
    }

    /** The generated class. */
    public Class<T> type() {
        return type;
    }

    /** The current (reader and writer) schema. */
    public Schema schema() {
        return schema;
    }

    /** The released versions this serde can read, oldest first (the current schema is always readable). */
    public List<Schema> releasedVersions() {
        return history;
    }

    /** Encodes a value (single-object encoding); {@code null} gives {@code null}. */
    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            encoder.encode(value, out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + describe(e), e);
        }
    }

    /** Decodes single-object-encoded bytes; {@code null} gives {@code null}. */
    public T decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            T value = decoder.decode(data);
            if (value == null) {
                throw new SerializationException("cannot decode " + type.getSimpleName() + ": decoder returned null");
            }
            return value;
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from " + data.length
                    + " bytes (expected Avro single-object encoding of a released version): " + describe(e), e);
        }
    }

    /**
     * Decodes a bare Avro binary body written with {@code writer} into the current class, by Avro
     * schema resolution (writer = the given schema, reader = {@link #schema()}); for the registry's
     * wire format, whose writer schema is fetched by id.
     */
    public T decodeBody(Schema writer, byte[] data, int offset) {
        SpecificDatumReader<T> reader = readersByWriter.computeIfAbsent(writer,
                w -> new SpecificDatumReader<>(w, schema, model));
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from " + (data.length - offset)
                    + " body bytes with writer schema " + writer.getFullName() + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    // --- Serializer / Deserializer

    @Override
    public byte[] serialize(String topic, T data) {
        return encode(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return decode(data);
    }

    // --- Serde

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // shared instance: nothing to release
    }

    @Override
    public String toString() {
        return "AvroSerde[" + type.getSimpleName() + "]";
    }

    /**
     * The generated class's model (same logical-type conversions) but decoding arrays into plain
     * {@link ArrayList}s instead of {@code GenericData.Array}: Avro 1.12's {@code GenericData.Array.equals}
     * compares with a conversion-less {@code GenericData}, so {@code equals} on a decoded record holding an
     * array of records with timestamp fields throws "Unknown datum type java.time.Instant".
     */
    private static final class ListArrayData extends SpecificData {
        ListArrayData(ClassLoader classLoader, SpecificData base) {
            super(classLoader);
            base.getConversions().forEach(this::addLogicalTypeConversion);
            addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
            addLogicalTypeConversion(new TimeConversions.DateConversion());
        }

        @Override
        public Object newArray(Object old, int size, Schema schema) {
            if (old instanceof Collection<?> c) {
                c.clear();
                return old;
            }
            return new ArrayList<>(size);
        }
    }
}
