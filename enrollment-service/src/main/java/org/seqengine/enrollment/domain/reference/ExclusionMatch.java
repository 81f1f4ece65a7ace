package org.seqengine.enrollment.domain.reference;

import java.time.Instant;
import java.util.List;

/**
 * One exclusion rule a person matches now (from {@code exclusion-matches.v1}), at which level, since
 * when ({@code matchedSince}, null when the evaluator did not say) and why ({@code evidence}: the
 * conditions that held; empty when not given).
 */
public record ExclusionMatch(String ruleId, MatchLevel level, Instant matchedSince, List<ExclusionEvidence> evidence) {

    public ExclusionMatch {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The match without the values person records held (company and opportunity values are not personal). */
    public ExclusionMatch withoutPersonValues() {
        if (evidence.stream().noneMatch(e -> PERSON.equals(e.objectType()) && e.actual() != null)) return this;
        return new ExclusionMatch(ruleId, level, matchedSince, evidence.stream()
                .map(e -> PERSON.equals(e.objectType()) ? withoutValue(e) : e)
                .toList());
    }

    private static final String PERSON = "person";

    private static ExclusionEvidence withoutValue(ExclusionEvidence e) {
        return new ExclusionEvidence(e.field(), e.op(), e.expected(), null, e.crm(), e.objectType(), e.objectId(),
                e.personId());
    }

    /** The match without the values the records held (an erased person's history). */
    public ExclusionMatch withoutValues() {
        return new ExclusionMatch(ruleId, level, matchedSince, evidence.stream()
                .map(ExclusionMatch::withoutValue)
                .toList());
    }

    /** A match without since-when or evidence (older producers, tests). */
    public ExclusionMatch(String ruleId, MatchLevel level) {
        this(ruleId, level, null, List.of());
    }
}
