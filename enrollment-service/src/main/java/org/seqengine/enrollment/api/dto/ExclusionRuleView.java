package org.seqengine.enrollment.api.dto;

import org.seqengine.schemas.avro.ExclusionRuleRecord;

/** An exclusion rule as stored; the filter is kept as JSON text for the exclusion-evaluator. */
public record ExclusionRuleView(String id, String name, String level, boolean excludeFromSequences,
                                boolean removeFromActiveSequences, String filterJson) {

    public static ExclusionRuleView of(ExclusionRuleRecord r) {
        return new ExclusionRuleView(r.getId(), r.getName(), r.getLevel(), r.getExcludeFromSequences(),
                r.getRemoveFromActiveSequences(), r.getFilterJson());
    }
}
