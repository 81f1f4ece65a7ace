package org.seqengine.enrollment.api.dto;

import java.util.List;

/** {@code POST /unenroll-jobs}: exactly one selector — enrollment ids, a sequence, or company domains. */
public record UnenrollJobRequest(List<String> enrollmentIds, String sequenceId, List<String> companyDomains, String reason) {}
