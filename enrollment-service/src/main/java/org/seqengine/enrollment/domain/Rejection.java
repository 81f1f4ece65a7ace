package org.seqengine.enrollment.domain;

import org.seqengine.enrollment.domain.reference.EnforcementLevel;

/**
 * Why a command failed, readable by a person. For EXCLUDED, {@code ruleId} names the matching rule
 * and {@code level} the setting that enforced it; for COMPANY_LIMIT_REACHED, {@code companyDomain},
 * {@code limit} and {@code activeCount} say which company is full; all null otherwise.
 */
public record Rejection(RejectionCode code, String message, String ruleId, EnforcementLevel level,
                        String companyDomain, Integer limit, Integer activeCount) {

    public Rejection(RejectionCode code, String message, String ruleId, EnforcementLevel level) {
        this(code, message, ruleId, level, null, null, null);
    }

    public static Rejection of(RejectionCode code) {
        return new Rejection(code, code.message(), null, null);
    }

    /** The company ledger found {@code activeCount} active (or reserved) enrollments at the domain, the limit being {@code limit}. */
    public static Rejection companyLimit(String companyDomain, int limit, int activeCount) {
        return new Rejection(RejectionCode.COMPANY_LIMIT_REACHED,
                "Company " + companyDomain + " already has " + activeCount + " active enrollment(s); the limit is " + limit + ".",
                null, null, companyDomain, limit, activeCount);
    }
}
