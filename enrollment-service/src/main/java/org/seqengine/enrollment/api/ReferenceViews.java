package org.seqengine.enrollment.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reference records as JSON: the Avro field names are already the API's snake_case names, so the
 * record's schema drives the conversion. {@code org_id} stays internal.
 */
final class ReferenceViews {

    private ReferenceViews() {}

    static Map<String, Object> of(SpecificRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            if (!field.name().equals("org_id")) {
                json.put(field.name(), value(record.get(field.pos())));
            }
        }
        return json;
    }

    private static Object value(Object v) {
        if (v instanceof SpecificRecord r) return of(r);
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(value(item)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, item) -> out.put(String.valueOf(k), value(item)));
            return out;
        }
        if (v instanceof CharSequence s) return s.toString();
        return v;
    }
}
