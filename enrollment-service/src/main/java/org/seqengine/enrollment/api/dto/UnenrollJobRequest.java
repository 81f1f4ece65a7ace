package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.seqengine.enrollment.api.validation.OneSelector;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.service.validation.Uuid;

/** {@code POST /unenroll-jobs}: exactly one selector — enrollment ids, a sequence, or company domains. */
@OneSelector
public record UnenrollJobRequest(
        @Size(min = 1, max = Limits.JOB_ENROLLMENT_IDS) List<@NotNull @Uuid String> enrollmentIds,
        @Uuid String sequenceId,
        @Size(min = 1, max = Limits.JOB_COMPANY_DOMAINS) List<@NotBlank @Size(max = Limits.DOMAIN) String> companyDomains,
        @Size(max = Limits.NAME) String reason) {

    /** The one selector given, or null when none or several are. */
    public UnenrollJobs.Selector selector() {
        int given = (enrollmentIds != null ? 1 : 0) + (sequenceId != null ? 1 : 0) + (companyDomains != null ? 1 : 0);
        if (given != 1) return null;
        if (enrollmentIds != null) return UnenrollJobs.Selector.ENROLLMENT_IDS;
        return sequenceId != null ? UnenrollJobs.Selector.SEQUENCE : UnenrollJobs.Selector.COMPANY_DOMAINS;
    }
}
