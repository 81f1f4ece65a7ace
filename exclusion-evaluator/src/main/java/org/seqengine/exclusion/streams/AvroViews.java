package org.seqengine.exclusion.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.seqengine.exclusion.domain.CrmChange;
import org.seqengine.exclusion.domain.MatchEvidence;
import org.seqengine.exclusion.domain.PublishedMatch;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.ExclusionEvidenceRecord;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.PersonRecord;

/** Avro records of the schemas module to and from the domain package's plain records. */
final class AvroViews {

    private AvroViews() {}

    /**
     * The person record as {@code person.*} fields: the named fields, then each attribute both as
     * {@code attributes.<x>} and as bare {@code <x>} (unless a named field has that name).
     */
    static Map<String, String> personFields(PersonRecord p) {
        Map<String, String> fields = new TreeMap<>();
        put(fields, "email", p.getEmail());
        put(fields, "first_name", p.getFirstName());
        put(fields, "last_name", p.getLastName());
        put(fields, "linkedin_url", p.getLinkedinUrl());
        put(fields, "company_domain", p.getCompanyDomain());
        fields.put("do_not_email", String.valueOf(p.getDoNotEmail()));
        fields.put("email_opt_out", String.valueOf(p.getEmailOptOut()));
        fields.put("high_bounce_risk", String.valueOf(p.getHighBounceRisk()));
        if (p.getAttributes() != null) {
            p.getAttributes().forEach((name, value) -> {
                if (value == null) return;
                fields.put("attributes." + name, value);
                fields.putIfAbsent(name, value);
            });
        }
        return fields;
    }

    static CrmChange crmChange(CrmChangeRecord r) {
        Map<String, String> fields = new HashMap<>();
        if (r.getFields() != null) r.getFields().forEach(fields::put);
        return new CrmChange(r.getCrm(), r.getObjectType(), r.getObjectId(), fields, r.getDeleted(),
                r.getChangedAt().toEpochMilli());
    }

    static ExclusionMatchRecord match(PublishedMatch m) {
        return ExclusionMatchRecord.newBuilder()
                .setRuleId(m.ruleId())
                .setLevel(m.level())
                .setMatchedSince(java.time.Instant.ofEpochMilli(m.matchedSince()))
                .setEvidence(m.evidence().stream().map(AvroViews::evidence).toList())
                .build();
    }

    static ExclusionEvidenceRecord evidence(MatchEvidence e) {
        return ExclusionEvidenceRecord.newBuilder()
                .setField(e.field()).setOp(e.op()).setExpected(e.expected()).setActual(e.actual())
                .setCrm(e.crm()).setObjectType(e.objectType()).setObjectId(e.objectId()).setPersonId(e.personId())
                .build();
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) fields.put(name, value);
    }
}
