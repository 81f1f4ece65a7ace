package org.seqengine.exclusion.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.exclusion.api.dto.CrmChangeBody;
import org.seqengine.filter.Domains;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CrmChangeRecord;

/**
 * Validated HTTP changes as records: a person change goes to {@code crm.people-changes.v1} keyed
 * {@code org_id/person_id}; a company or opportunity change to its topic keyed
 * {@code org_id/<normalized domain>}. Field values become text ({@code null} stays null: cleared).
 */
public final class CrmChangeRouting {

    private CrmChangeRouting() {}

    /** {@code now} is both the default {@code changed_at} and {@code received_at}. */
    public static List<CrmChangeRoute> route(String orgId, List<CrmChangeBody> changes, Instant now) {
        return changes.stream().map(change -> route(orgId, change, now)).toList();
    }

    static CrmChangeRoute route(String orgId, CrmChangeBody change, Instant now) {
        String domain = Domains.normalize(change.domain());
        CrmChangeRecord value = CrmChangeRecord.newBuilder()
                .setOrgId(orgId)
                .setCrm(change.crm())
                .setObjectType(change.object())
                .setObjectId(change.id())
                .setPersonId(change.personId())
                .setDomain(domain)
                .setFields(text(change.fields()))
                .setDeleted(Boolean.TRUE.equals(change.deleted()))
                .setChangedAt(change.changedAt() != null ? change.changedAt() : now)
                .setReceivedAt(now)
                .build();
        if (change.isPerson()) {
            return new CrmChangeRoute(Topics.CRM_PEOPLE_CHANGES, Keys.of(orgId, change.personId()), value);
        }
        return new CrmChangeRoute(topicOf(change.object()), Keys.of(orgId, domain), value);
    }

    private static Topic<String, CrmChangeRecord> topicOf(String object) {
        return switch (object) {
            case CrmChangeBody.COMPANY -> Topics.CRM_COMPANY_CHANGES;
            case CrmChangeBody.OPPORTUNITY -> Topics.CRM_OPPORTUNITY_CHANGES;
            default -> throw new IllegalArgumentException("not a company-side object: " + object);
        };
    }

    private static Map<String, String> text(Map<String, JsonNode> fields) {
        Map<String, String> text = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((name, value) -> text.put(name, value == null || value.isNull() ? null : value.asText()));
        }
        return text;
    }
}
