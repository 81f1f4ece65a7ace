package org.seqengine.exclusion.domain;

import java.util.Map;
import java.util.TreeMap;
import org.seqengine.filter.SourceRecord;

/**
 * A CRM record converged from its changes: per field the latest version ({@link FieldValue#latest}),
 * and the time of its latest deletion. Merging is commutative, associative and idempotent, so
 * shuffled and repeated changes converge. A deletion hides every field changed at or before it;
 * a change after it brings the record back with the fields changed since.
 *
 * @param lastChangedAt latest non-deletion change, or {@link Long#MIN_VALUE}
 * @param deletedAt     latest deletion, or {@link Long#MIN_VALUE}
 */
public record CrmObject(String crm, String objectType, String objectId, Map<String, FieldValue> fields,
                        long lastChangedAt, long deletedAt) {

    public CrmObject {
        fields = new TreeMap<>(fields);
    }

    public static CrmObject empty(String crm, String objectType, String objectId) {
        return new CrmObject(crm, objectType, objectId, Map.of(), Long.MIN_VALUE, Long.MIN_VALUE);
    }

    public CrmObject apply(CrmChange change) {
        if (change.deleted()) {
            return new CrmObject(crm, objectType, objectId, fields, lastChangedAt, Math.max(deletedAt, change.changedAt()));
        }
        Map<String, FieldValue> merged = new TreeMap<>(fields);
        change.fields().forEach((name, value) ->
                merged.merge(name, new FieldValue(value, change.changedAt()), FieldValue::latest));
        return new CrmObject(crm, objectType, objectId, merged, Math.max(lastChangedAt, change.changedAt()), deletedAt);
    }

    /** Whether the record exists: changed after its latest deletion (a tie goes to the deletion). */
    public boolean visible() {
        return lastChangedAt > deletedAt;
    }

    /** The fields with a value that survive the latest deletion. */
    public Map<String, String> visibleFields() {
        Map<String, String> out = new TreeMap<>();
        fields.forEach((name, v) -> {
            if (v.value() != null && v.changedAt() > deletedAt) out.put(name, v.value());
        });
        return out;
    }

    /** The latest surviving version of each field, clears included (for merging across CRMs). */
    public Map<String, FieldValue> survivingFields() {
        Map<String, FieldValue> out = new TreeMap<>();
        fields.forEach((name, v) -> {
            if (v.changedAt() > deletedAt) out.put(name, v);
        });
        return out;
    }

    public SourceRecord toSource() {
        return new SourceRecord(crm, objectType, objectId, visibleFields());
    }
}
