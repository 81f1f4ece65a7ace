package org.seqengine.exclusion.domain;

import java.util.Optional;
import java.util.Set;

/** The reference data of one organization that decides whether a rule applies to a sequence. */
public interface ExclusionReference {

    Optional<RuleDefinition> rule(String ruleId);

    /** The ruleset the sequence names; empty if the sequence is unknown or names none. */
    Optional<String> sequenceRulesetId(String sequenceId);

    /** The exclusion rules the ruleset enables; empty if there is no such ruleset. */
    Optional<Set<String>> rulesetRuleIds(String rulesetId);
}
