package org.seqengine.exclusion.domain;

import java.util.List;
import java.util.Set;

/**
 * Which matches end an active enrollment: the rule has "remove from active sequences" on and applies
 * to the enrollment's sequence, through the org toggle ({@code exclude_from_sequences}) or the
 * sequence's ruleset (its own; else the org's {@value #DEFAULT_RULESET} ruleset; else none). The same
 * rule as enrollment-service's {@code ExclusionPolicy.removals} with {@code Rulesets.forSequence},
 * which decides the Exclude command again: this side only avoids sending commands that do nothing.
 */
public final class RemovalPolicy {

    public static final String DEFAULT_RULESET = "default";

    private RemovalPolicy() {}

    public static boolean applies(RuleDefinition rule, String sequenceId, ExclusionReference reference) {
        return rule.excludeFromSequences() || rulesetRuleIds(sequenceId, reference).contains(rule.ruleId());
    }

    public static boolean removes(RuleDefinition rule, ActiveEnrollment enrollment, ExclusionReference reference) {
        return enrollment != null && rule.removeFromActiveSequences() && applies(rule, enrollment.sequenceId(), reference);
    }

    public static List<PublishedMatch> removals(List<PublishedMatch> matches, ActiveEnrollment enrollment,
                                                ExclusionReference reference) {
        if (enrollment == null) return List.of();
        return matches.stream()
                .filter(m -> reference.rule(m.ruleId()).map(r -> removes(r, enrollment, reference)).orElse(false))
                .toList();
    }

    static Set<String> rulesetRuleIds(String sequenceId, ExclusionReference reference) {
        return reference.sequenceRulesetId(sequenceId)
                .flatMap(reference::rulesetRuleIds)
                .or(() -> reference.rulesetRuleIds(DEFAULT_RULESET))
                .orElse(Set.of());
    }
}
