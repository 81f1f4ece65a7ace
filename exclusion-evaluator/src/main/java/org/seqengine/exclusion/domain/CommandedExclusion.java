package org.seqengine.exclusion.domain;

/** An Exclude already sent: for this enrollment, because of this match (rule, since when, rule version). */
public record CommandedExclusion(String enrollmentId, String ruleId, long matchedSince, String ruleFingerprint) {

    boolean isFor(PublishedMatch m) {
        return ruleId.equals(m.ruleId()) && matchedSince == m.matchedSince() && ruleFingerprint.equals(m.ruleFingerprint());
    }
}
