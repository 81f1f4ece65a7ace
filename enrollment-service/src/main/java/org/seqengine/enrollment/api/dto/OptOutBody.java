package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.service.validation.ErrorCode;

/** Body of {@code POST /people/{id}/opt-out} (optional; {@code source} is case-insensitive, API by default). */
public record OptOutBody(
        @Schema(enumeration = {"LINK", "ADMIN", "CRM", "REPLY", "API"}, defaultValue = "API")
        @Pattern(regexp = "LINK|ADMIN|CRM|REPLY|API", flags = Pattern.Flag.CASE_INSENSITIVE,
                message = "Must be one of LINK, ADMIN, CRM, REPLY, API.", payload = ErrorCode.InvalidEnum.class)
        String source,
        @Size(max = Limits.NOTE) String permissionNote,
        @Size(max = Limits.NAME) String reason) {}
