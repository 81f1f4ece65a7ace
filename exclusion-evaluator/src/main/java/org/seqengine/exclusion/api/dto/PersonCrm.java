package org.seqengine.exclusion.api.dto;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.exclusion.domain.CrmObject;
import org.seqengine.exclusion.domain.PersonFacts;

/**
 * The CRM fields the evaluator holds for a person (for the person's data export): every CRM record of the person it
 * keeps, with the latest value of each field (null: cleared in the CRM), and when the record last changed.
 */
public record PersonCrm(String personId, List<CrmRecord> records) {

    /**
     * @param changedAt the record's latest change (a deletion included), null if unknown
     */
    public record CrmRecord(String crm, String objectId, Map<String, String> fields, Instant changedAt) {

        static CrmRecord of(CrmObject o) {
            Map<String, String> fields = new LinkedHashMap<>();
            o.fields().forEach((name, value) -> fields.put(name, value.value()));
            long latest = Math.max(o.lastChangedAt(), o.deletedAt());
            return new CrmRecord(o.crm(), o.objectId(), fields,
                    latest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(latest));
        }
    }

    /** The person's CRM records, by CRM then record id; null when the evaluator holds none. */
    public static PersonCrm of(PersonFacts facts) {
        if (facts == null || facts.crmRecords().isEmpty()) return null;
        List<CrmRecord> records = facts.crmRecords().values().stream()
                .sorted(Comparator.comparing(CrmObject::crm).thenComparing(CrmObject::objectId))
                .map(CrmRecord::of).toList();
        return new PersonCrm(facts.personId(), records);
    }
}
