package org.seqengine.enrollment.api.dto;

import java.util.List;
import org.seqengine.schemas.avro.RulesetRecord;

/** A ruleset as stored ({@code max_active_enrollments_per_company} null: no company limit). */
public record RulesetView(String id, boolean allowReenrollmentIntoSequences, boolean allowReenrollmentIntoSameSequence,
                          int reenrollmentWaitingDays, List<String> exclusionRuleIds,
                          Integer maxActiveEnrollmentsPerCompany) {

    public static RulesetView of(RulesetRecord r) {
        return new RulesetView(r.getId(), r.getAllowReenrollmentIntoSequences(), r.getAllowReenrollmentIntoSameSequence(),
                r.getReenrollmentWaitingDays(), r.getExclusionRuleIds().stream().map(String::valueOf).toList(),
                r.getMaxActiveEnrollmentsPerCompany());
    }
}
