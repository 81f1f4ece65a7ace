package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.List;
import org.seqengine.enrollment.domain.reference.ExclusionEvidence;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;

/**
 * One exclusion rule a person matched, as the API shows it (an Excluded enrollment's
 * {@code excluded_by[]}, the explain endpoint's {@code matches[]}): the rule, the level it matched at,
 * since when, and each condition that held with the value seen and the CRM record it came from.
 */
public record ExclusionMatchView(String ruleId, String level, Instant matchedSince, List<Evidence> evidence) {

    /**
     * @param expected  the condition's value; {@code actual}: the value the record held
     * @param crm       the CRM the value came from ({@code people} for the person record)
     * @param personId  the colleague whose record matched a COMPANY rule, when not the person themself
     */
    public record Evidence(String field, String op, String expected, String actual, String crm, String objectType,
                           String objectId, String personId) {

        static Evidence of(ExclusionEvidence e) {
            return new Evidence(e.field(), e.op(), e.expected(), e.actual(), e.crm(), e.objectType(), e.objectId(),
                    e.personId());
        }
    }

    public static ExclusionMatchView of(ExclusionMatch m) {
        return new ExclusionMatchView(m.ruleId(), m.level().name(), m.matchedSince(),
                m.evidence().stream().map(Evidence::of).toList());
    }

    public static List<ExclusionMatchView> of(List<ExclusionMatch> matches) {
        return matches.stream().map(ExclusionMatchView::of).toList();
    }
}
