package org.seqengine.enrollment.api.dto;

/** Body of {@code POST /people/{id}/opt-out} (optional) and {@code DELETE /people/{id}/opt-out} (note required). */
public record OptOutBody(String source, String permissionNote, String reason) {}
