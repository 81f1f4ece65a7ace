package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code DELETE /people/{id}/opt-out}: clearing an opt-out needs a note of the person's permission. */
public record ClearOptOutBody(
        @NotBlank @Size(max = Limits.NOTE) String permissionNote,
        @Size(max = Limits.NAME) String reason) {}
