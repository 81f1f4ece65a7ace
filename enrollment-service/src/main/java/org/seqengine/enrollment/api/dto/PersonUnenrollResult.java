package org.seqengine.enrollment.api.dto;

import java.util.List;

/** {@code POST /people/{id}/unenroll}: the enrollments it ended. */
public record PersonUnenrollResult(String personId, List<EnrollmentView> unenrolled) {}
