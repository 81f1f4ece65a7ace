package org.seqengine.enrollment.domain.reference;

/** One exclusion rule a person matches now (from {@code exclusion-matches.v1}). */
public record ExclusionMatch(String ruleId, MatchLevel level) {}
