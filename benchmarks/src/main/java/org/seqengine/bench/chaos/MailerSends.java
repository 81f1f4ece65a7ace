package org.seqengine.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mailer simulator's sends per request id ({@code GET /mailer/sends}), read leniently: an
 * object of {@code request_id -> count}, the same under one field (e.g. {@code {"sends": {...}}}),
 * or a list of {@code {"request_id", "count"|"sends"}} (bare or under one field). Other number
 * fields next to such a map (e.g. a total) are ignored.
 */
public final class MailerSends {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailerSends() {
    }

    public static Map<String, Long> parse(String body) {
        try {
            return parse(JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    static Map<String, Long> parse(JsonNode node) {
        if (node.isArray()) {
            Map<String, Long> counts = new HashMap<>();
            for (JsonNode entry : node) {
                String id = text(entry, "request_id", "requestId", "id");
                JsonNode count = first(entry, "count", "sends", "sent");
                if (id == null || count == null || !count.isNumber()) {
                    throw new IllegalArgumentException("not a {request_id, count} entry: " + entry);
                }
                counts.merge(id, count.asLong(), Long::sum);
            }
            return counts;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("neither an object nor a list: " + node);
        }
        // a field that holds the per-request counts wins over the object's own number fields
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (value.isArray() || (value.isObject() && value.size() > 0 && allNumbers(value))) {
                return parse(value);
            }
        }
        Map<String, Long> counts = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                counts.put(e.getKey(), e.getValue().asLong());
            }
        });
        return counts;
    }

    /** Sums the counts of several instances' snapshots (each instance counts from zero). */
    @SafeVarargs
    public static Map<String, Long> sum(Map<String, Long>... snapshots) {
        Map<String, Long> total = new HashMap<>();
        for (Map<String, Long> s : snapshots) {
            s.forEach((id, n) -> total.merge(id, n, Long::sum));
        }
        return total;
    }

    private static boolean allNumbers(JsonNode object) {
        for (JsonNode v : object) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode first(JsonNode entry, String... names) {
        for (String n : names) {
            if (entry.has(n)) {
                return entry.get(n);
            }
        }
        return null;
    }

    private static String text(JsonNode entry, String... names) {
        JsonNode n = first(entry, names);
        return n == null || n.isNull() ? null : n.asText();
    }
}
