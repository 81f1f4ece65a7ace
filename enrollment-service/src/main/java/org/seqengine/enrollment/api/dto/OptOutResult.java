package org.seqengine.enrollment.api.dto;

import java.util.List;

/** {@code POST /people/{id}/opt-out}: the enrollments the opt-out ended. */
public record OptOutResult(String personId, boolean isOptedOut, List<EnrollmentView> endedEnrollments) {}
