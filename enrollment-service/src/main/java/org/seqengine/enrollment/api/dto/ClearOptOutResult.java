package org.seqengine.enrollment.api.dto;

/** {@code DELETE /people/{id}/opt-out}. */
public record ClearOptOutResult(String personId, boolean isOptedOut, String permissionNote) {}
