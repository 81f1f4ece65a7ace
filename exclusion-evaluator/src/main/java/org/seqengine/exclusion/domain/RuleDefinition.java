package org.seqengine.exclusion.domain;

import org.seqengine.filter.Filter;
import org.seqengine.filter.RuleLevel;

/**
 * An exclusion rule ready to evaluate. {@code filter} null: the rule has no filter or its filter
 * does not parse, and it matches nobody. {@code fingerprint} changes with anything that changes
 * what the rule does (level, filter, toggles).
 */
public record RuleDefinition(String ruleId, RuleLevel level, Filter filter, boolean excludeFromSequences,
                             boolean removeFromActiveSequences, String fingerprint) {}
