package org.seqengine.enrollment.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /people/{id}/eligibility}: every check that would stop the person entering the sequence now. */
public record EligibilityView(boolean eligible, List<Reason> reasons) {

    /**
     * One failing check; the active enrollment is named for ALREADY_ENROLLED_ACTIVE only, the company
     * domain, its limit and its count (active + reserved) for COMPANY_LIMIT_REACHED only.
     */
    public record Reason(String code, String message, String level, String ruleId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String activeSequenceId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String activeEnrollmentId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String companyDomain,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer limit,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer activeCount) {}
}
