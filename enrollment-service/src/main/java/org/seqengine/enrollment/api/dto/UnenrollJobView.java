package org.seqengine.enrollment.api.dto;

import java.time.Instant;

/** An unenroll job's progress; {@code total} is null until its targets are resolved. */
public record UnenrollJobView(String id, String state, String selector, boolean resolved, Integer total,
                              int processed, int unenrolled, int skipped, int failed,
                              Instant createdAt, Instant updatedAt, String error) {}
