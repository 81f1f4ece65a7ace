package org.seqengine.enrollment.domain.reference;

/**
 * An exclusion rule. The filter itself is evaluated by the exclusion-evaluator; enrollment-service
 * only needs the toggles. {@code excludeFromSequences} is the org-level toggle; a sequence's ruleset
 * can enable the rule too. {@code removeFromActiveSequences} lets a match end active enrollments.
 */
public record ExclusionRule(String orgId, String id, String name, MatchLevel level,
                            boolean excludeFromSequences, boolean removeFromActiveSequences,
                            String filterJson) {}
