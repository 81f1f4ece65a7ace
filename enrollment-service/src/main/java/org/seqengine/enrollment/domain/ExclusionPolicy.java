package org.seqengine.enrollment.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.seqengine.enrollment.domain.reference.EnforcementLevel;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.Ruleset;

/**
 * Whether an exclusion rule applies to a sequence: its org-level "exclude from sequences" toggle
 * is on (ORGANIZATION, wins when both are on) or the sequence's ruleset enables it (SEQUENCE).
 * Both off lets a matching person in. There is no per-person override.
 */
public final class ExclusionPolicy {

    private ExclusionPolicy() {}

    /** The level that makes {@code rule} apply under {@code ruleset}, or empty if it does not apply. */
    public static Optional<EnforcementLevel> enforcement(ExclusionRule rule, Ruleset ruleset) {
        if (rule.excludeFromSequences()) {
            return Optional.of(EnforcementLevel.ORGANIZATION);
        }
        if (ruleset.exclusionRuleIds().contains(rule.id())) {
            return Optional.of(EnforcementLevel.SEQUENCE);
        }
        return Optional.empty();
    }

    /** One EXCLUDED rejection per distinct matching rule that applies (unknown rules are ignored). */
    public static List<Rejection> enrollmentRejections(List<ExclusionMatch> matches, Ruleset ruleset,
                                                       ReferenceData reference) {
        List<Rejection> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ExclusionMatch match : matches) {
            if (match == null || match.ruleId() == null || !seen.add(match.ruleId())) {
                continue;
            }
            reference.exclusionRule(match.ruleId())
                    .flatMap(rule -> enforcement(rule, ruleset))
                    .ifPresent(level -> out.add(new Rejection(RejectionCode.EXCLUDED,
                            RejectionCode.EXCLUDED.message(), match.ruleId(), level)));
        }
        return out;
    }

    /**
     * The matches that end an active enrollment governed by {@code ruleset}: the rule exists, applies
     * to the sequence, and has "remove from active sequences" on.
     */
    public static List<ExclusionMatch> removals(List<ExclusionMatch> matches, Ruleset ruleset,
                                                ReferenceData reference) {
        List<ExclusionMatch> out = new ArrayList<>();
        for (ExclusionMatch match : matches) {
            if (match == null || match.ruleId() == null) {
                continue;
            }
            Optional<ExclusionRule> rule = reference.exclusionRule(match.ruleId());
            if (rule.isPresent() && rule.get().removeFromActiveSequences()
                    && enforcement(rule.get(), ruleset).isPresent()) {
                out.add(match);
            }
        }
        return out;
    }
}
