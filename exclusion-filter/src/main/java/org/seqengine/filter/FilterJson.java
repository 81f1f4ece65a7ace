package org.seqengine.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a filter back as the JSON {@link FilterParser} reads: {@code parse(write(f)).equals(f)}. */
public final class FilterJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FilterJson() {}

    public static ObjectNode write(Filter filter) {
        ObjectNode node = NODES.objectNode();
        if (filter instanceof Filter.All all) {
            ArrayNode members = node.putArray("all");
            all.of().forEach(f -> members.add(write(f)));
        } else if (filter instanceof Filter.Any any) {
            ArrayNode members = node.putArray("any");
            any.of().forEach(f -> members.add(write(f)));
        } else if (filter instanceof Filter.Not not) {
            node.set("not", write(not.of()));
        } else if (filter instanceof Filter.Condition c) {
            node.put("field", c.field());
            node.put("op", c.op().json());
            JsonNode value = c.value();
            if (value != null) node.set("value", value);
        }
        return node;
    }
}
