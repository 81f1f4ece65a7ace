package org.seqengine.enrollment.api.dto;

/** {@code DELETE /enrollments/{id}}: the hosted API's answer, only that the cancel took effect. */
public record CancelResult(String id, boolean isCanceled) {}
