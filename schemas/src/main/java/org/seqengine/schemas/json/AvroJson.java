package org.seqengine.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.seqengine.schemas.avro.SealedValueRecord;

/**
 * An Avro record as JSON (a person's export, {@code seqctl events tail}): field names as in the schema (snake_case), times as
 * ISO-8601 text, a record out of a union of several records tagged with {@code type} (its schema
 * name, e.g. an event's payload {@code "type": "RepliedEvent"}). Sealed values are opened: each
 * {@link SealedValueRecord} field is replaced by the fields it holds, written into the record beside
 * it ({@code to_email}, {@code subject}, {@code body}, where the clear field is null since sealing);
 * a value that cannot be opened (no key: the person was erased, or the reader holds none) leaves them null.
 */
public final class AvroJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SEALED = SealedValueRecord.getClassSchema().getFullName();

    private AvroJson() {}

    /** @param opener the fields of a sealed value, empty when it cannot be opened (e.g. {@code PersonalSeal.open} with the key) */
    public static ObjectNode render(IndexedRecord record, Function<SealedValueRecord, Optional<Map<String, String>>> opener) {
        return record(record, opener);
    }

    /** The record without opening sealed values (a reader without keys). */
    public static ObjectNode render(IndexedRecord record) {
        return record(record, sealed -> Optional.empty());
    }

    private static ObjectNode record(IndexedRecord record, Function<SealedValueRecord, Optional<Map<String, String>>> opener) {
        ObjectNode out = JSON.objectNode();
        Map<String, String> opened = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (isSealed(field.schema())) {
                if (value instanceof SealedValueRecord s) opener.apply(s).ifPresent(opened::putAll);
                continue;
            }
            out.set(field.name(), value(value, field.schema(), opener));
        }
        opened.forEach((name, text) -> {
            if (!out.hasNonNull(name)) out.put(name, text);
        });
        return out;
    }

    private static JsonNode value(Object value, Schema schema, Function<SealedValueRecord, Optional<Map<String, String>>> opener) {
        if (value == null) return JSON.nullNode();
        return switch (schema.getType()) {
            case UNION -> union(value, schema, opener);
            case RECORD -> record((IndexedRecord) value, opener);
            case ARRAY -> {
                ArrayNode array = JSON.arrayNode();
                for (Object item : (Collection<?>) value) array.add(value(item, schema.getElementType(), opener));
                yield array;
            }
            case MAP -> {
                ObjectNode map = JSON.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> map.set(String.valueOf(k), value(v, schema.getValueType(), opener)));
                yield map;
            }
            case BYTES -> JSON.textNode(base64((ByteBuffer) value));
            case FIXED -> JSON.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case BOOLEAN -> JSON.booleanNode((Boolean) value);
            case INT, LONG, FLOAT, DOUBLE -> number(value);
            default -> JSON.textNode(value.toString()); // STRING, ENUM
        };
    }

    private static JsonNode number(Object value) {
        if (value instanceof Integer i) return JSON.numberNode(i);
        if (value instanceof Long l) return JSON.numberNode(l);
        if (value instanceof Float f) return JSON.numberNode(f);
        if (value instanceof Double d) return JSON.numberNode(d);
        return JSON.textNode(value.toString()); // a logical type: Instant, LocalDate, ...
    }

    /** The branch the value is in: a record by its schema's name, anything else the one non-null branch that fits. */
    private static JsonNode union(Object value, Schema union, Function<SealedValueRecord, Optional<Map<String, String>>> opener) {
        List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (value instanceof IndexedRecord r) {
            ObjectNode node = record(r, opener);
            long records = branches.stream().filter(s -> s.getType() == Schema.Type.RECORD).count();
            if (records <= 1) return node;
            ObjectNode tagged = JSON.objectNode();
            tagged.put("type", r.getSchema().getName());
            tagged.setAll(node);
            return tagged;
        }
        Schema branch = branches.stream().filter(s -> fits(value, s)).findFirst().orElse(branches.get(0));
        return value(value, branch, opener);
    }

    private static boolean fits(Object value, Schema schema) {
        return switch (schema.getType()) {
            case ARRAY -> value instanceof Collection<?>;
            case MAP -> value instanceof Map<?, ?>;
            case BOOLEAN -> value instanceof Boolean;
            case BYTES -> value instanceof ByteBuffer;
            case STRING, ENUM -> value instanceof CharSequence || value instanceof Enum<?>;
            case INT, LONG, FLOAT, DOUBLE -> !(value instanceof CharSequence || value instanceof Boolean);
            default -> true;
        };
    }

    private static boolean isSealed(Schema schema) {
        if (schema.getType() == Schema.Type.RECORD) return SEALED.equals(schema.getFullName());
        return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(AvroJson::isSealed);
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
