package org.seqengine.exclusion.domain;

import java.util.List;

/** A rule a person matches, with why, and the rule's fingerprint at evaluation (a changed rule is a new match). */
public record RuleMatch(String ruleId, String level, List<MatchEvidence> evidence, String ruleFingerprint) {
    public RuleMatch {
        evidence = List.copyOf(evidence);
    }
}
