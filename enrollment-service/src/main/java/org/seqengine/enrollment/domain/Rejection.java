package org.seqengine.enrollment.domain;

import org.seqengine.enrollment.domain.reference.EnforcementLevel;

/**
 * Why a command failed, readable by a person. For EXCLUDED, {@code ruleId} names the matching rule
 * and {@code level} the setting that enforced it; both are null otherwise.
 */
public record Rejection(RejectionCode code, String message, String ruleId, EnforcementLevel level) {

    public static Rejection of(RejectionCode code) {
        return new Rejection(code, code.message(), null, null);
    }
}
