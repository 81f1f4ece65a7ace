package org.seqengine.enrollment.domain.reference;

import java.util.Set;

/**
 * Re-enrollment settings and the exclusion rules a sequence enables. A sequence without a ruleset
 * uses {@link #defaults(String)}: re-enrollment off, 75 waiting days, no sequence-level exclusions.
 */
public record Ruleset(String orgId, String id, boolean allowReenrollmentIntoSequences,
                      boolean allowReenrollmentIntoSameSequence, int reenrollmentWaitingDays,
                      Set<String> exclusionRuleIds, Integer maxActiveEnrollmentsPerCompany) {
    public static final String DEFAULT_ID = "default";
    public static final int DEFAULT_WAITING_DAYS = 75;

    /** A ruleset without a company limit. */
    public Ruleset(String orgId, String id, boolean allowReenrollmentIntoSequences,
                   boolean allowReenrollmentIntoSameSequence, int reenrollmentWaitingDays, Set<String> exclusionRuleIds) {
        this(orgId, id, allowReenrollmentIntoSequences, allowReenrollmentIntoSameSequence, reenrollmentWaitingDays,
                exclusionRuleIds, null);
    }

    public Ruleset {
        exclusionRuleIds = exclusionRuleIds == null ? Set.of() : Set.copyOf(exclusionRuleIds);
    }

    public static Ruleset defaults(String orgId) {
        return new Ruleset(orgId, DEFAULT_ID, false, false, DEFAULT_WAITING_DAYS, Set.of());
    }
}
