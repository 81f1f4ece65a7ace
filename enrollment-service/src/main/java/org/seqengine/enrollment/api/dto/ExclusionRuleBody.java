package org.seqengine.enrollment.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.service.validation.ValidFilter;
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.JsonSize;

/**
 * {@code PUT /exclusion-rules/{id}}: the org-level toggles and the filter (validated in the filter
 * language of {@code exclusion-filter}, kept as JSON for the exclusion-evaluator).
 */
public record ExclusionRuleBody(
        @Size(max = Limits.NAME) String name,
        @Schema(enumeration = {"PERSON", "COMPANY"}, defaultValue = "PERSON")
        @Pattern(regexp = "PERSON|COMPANY", message = "Must be PERSON or COMPANY.", payload = ErrorCode.InvalidEnum.class)
        String level,
        Boolean excludeFromSequences,
        Boolean removeFromActiveSequences,
        @JsonSize(max = Limits.FILTER_JSON) @ValidFilter JsonNode filter) {}
