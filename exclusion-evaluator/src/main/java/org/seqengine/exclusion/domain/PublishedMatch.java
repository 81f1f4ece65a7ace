package org.seqengine.exclusion.domain;

import java.util.List;

/** A match as published on {@code exclusion-matches.v1}, with since when (epoch millis) and the rule's fingerprint. */
public record PublishedMatch(String ruleId, String level, long matchedSince, List<MatchEvidence> evidence,
                             String ruleFingerprint) {

    public PublishedMatch {
        evidence = List.copyOf(evidence);
    }

    /** The match with no person field value in its evidence (see {@link MatchEvidence#withoutPersonalValue}). */
    public PublishedMatch withoutPersonalValues() {
        return new PublishedMatch(ruleId, level, matchedSince,
                evidence.stream().map(MatchEvidence::withoutPersonalValue).toList(), ruleFingerprint);
    }

    /** Equal as readers see it (the fingerprint is internal). */
    boolean samePublished(PublishedMatch o) {
        return ruleId.equals(o.ruleId) && level.equals(o.level) && matchedSince == o.matchedSince
                && evidence.equals(o.evidence);
    }
}
