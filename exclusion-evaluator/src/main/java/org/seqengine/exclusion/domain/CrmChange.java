package org.seqengine.exclusion.domain;

import java.util.Map;

/**
 * One change of a CRM record, as connectors send it: a partial update ({@code fields}, null
 * clears a field) or a deletion, at {@code changedAt} (CRM time, epoch millis).
 */
public record CrmChange(String crm, String objectType, String objectId, Map<String, String> fields,
                        boolean deleted, long changedAt) {

    public CrmChange {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(fields));
    }

    /** The key of the record this change is about, within its person or domain: {@code crm|object_id}. */
    public String recordKey() {
        return crm + "|" + objectId;
    }
}
