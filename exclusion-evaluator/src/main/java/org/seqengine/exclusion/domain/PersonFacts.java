package org.seqengine.exclusion.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.seqengine.filter.Domains;

/**
 * Everything the person stage keeps about one person: the person record's fields (null: no
 * record, the person is not evaluated), the person's CRM records (key {@code crm|object_id}), the
 * active enrollments, and the version of the last view forwarded.
 *
 * <p>Merging: the person record's fields, overridden by each CRM field whose latest version (the
 * latest {@code changed_at} across the person's CRM records, ties broken by value then record key)
 * has a value; a CRM field whose latest version is a clear falls back to the person record.
 * The person's domain is the normalized {@code company_domain} of the person record.
 */
public record PersonFacts(String personId, Map<String, String> recordFields, Map<String, CrmObject> crmRecords,
                          Map<String, ActiveEnrollment> activeEnrollments, long version) {

    public PersonFacts {
        recordFields = recordFields == null ? null : new TreeMap<>(recordFields);
        crmRecords = new TreeMap<>(crmRecords);
        activeEnrollments = new TreeMap<>(activeEnrollments);
    }

    public static PersonFacts empty(String personId) {
        return new PersonFacts(personId, null, Map.of(), Map.of(), 0L);
    }

    public boolean hasRecord() {
        return recordFields != null;
    }

    /** Nothing worth keeping: no record, no CRM record, no active enrollment. */
    public boolean isEmpty() {
        return recordFields == null && crmRecords.isEmpty() && activeEnrollments.isEmpty();
    }

    public PersonFacts withRecord(Map<String, String> fields) {
        return new PersonFacts(personId, fields, crmRecords, activeEnrollments, version);
    }

    public PersonFacts apply(CrmChange change) {
        Map<String, CrmObject> records = new TreeMap<>(crmRecords);
        records.merge(change.recordKey(),
                CrmObject.empty(change.crm(), change.objectType(), change.objectId()).apply(change),
                (old, fresh) -> old.apply(change));
        return new PersonFacts(personId, recordFields, records, activeEnrollments, version);
    }

    /** @param active the enrollment's state now, null if it is no longer active */
    public PersonFacts withEnrollment(String enrollmentId, ActiveEnrollment active) {
        Map<String, ActiveEnrollment> enrollments = new TreeMap<>(activeEnrollments);
        if (active == null) enrollments.remove(enrollmentId);
        else enrollments.put(enrollmentId, active);
        return new PersonFacts(personId, recordFields, crmRecords, enrollments, version);
    }

    public PersonFacts withVersion(long v) {
        return new PersonFacts(personId, recordFields, crmRecords, activeEnrollments, v);
    }

    /** One active enrollment at a time is the rule; should two overlap, the lowest id is the one. */
    public ActiveEnrollment activeEnrollment() {
        return activeEnrollments.isEmpty() ? null : activeEnrollments.values().iterator().next();
    }

    public String domain() {
        return recordFields == null ? null : Domains.normalize(recordFields.get("company_domain"));
    }

    /** The view the domain stage evaluates, or null without a person record. */
    public PersonView view() {
        if (recordFields == null) return null;
        Map<String, String> fields = new TreeMap<>(recordFields);
        Map<String, FieldSource> sources = new TreeMap<>();
        recordFields.keySet().forEach(name -> sources.put(name, new FieldSource(FieldSource.PEOPLE, personId)));
        Map<String, FieldValue> latest = new HashMap<>();
        Map<String, CrmObject> from = new HashMap<>();
        for (CrmObject record : crmRecords.values()) {      // sorted by record key: ties keep the first
            if (!record.visible()) continue;
            record.survivingFields().forEach((name, value) -> {
                FieldValue best = latest.get(name);
                if (best == null || FieldValue.ORDER.compare(value, best) > 0) {
                    latest.put(name, value);
                    from.put(name, record);
                }
            });
        }
        latest.forEach((name, value) -> {
            if (value.value() != null) {
                fields.put(name, value.value());
                sources.put(name, new FieldSource(from.get(name).crm(), from.get(name).objectId()));
            }
        });
        return new PersonView(personId, domain(), fields, sources, activeEnrollment(), version);
    }

}
