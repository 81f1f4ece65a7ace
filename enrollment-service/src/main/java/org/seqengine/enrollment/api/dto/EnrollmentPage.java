package org.seqengine.enrollment.api.dto;

import java.util.List;

/** One page of {@code GET /enrollments}; {@code next_cursor} is null on the last page. */
public record EnrollmentPage(List<EnrollmentView> data, String nextCursor) {}
