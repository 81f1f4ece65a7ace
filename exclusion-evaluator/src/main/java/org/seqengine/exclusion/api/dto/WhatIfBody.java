package org.seqengine.exclusion.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.exclusion.query.WhatIfRequest;
import org.seqengine.filter.FilterParser;
import org.seqengine.filter.InvalidFilterException;
import org.seqengine.filter.RuleLevel;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.JsonSize;
import org.seqengine.service.validation.ValidFilter;

/**
 * {@code POST /exclusion-rules/{id}/what-if}: the proposed rule, the very body of enrollment-service's
 * {@code PUT /exclusion-rules/{id}} with its constraints (same limits, same {@code @ValidFilter}), and
 * its defaults: level PERSON, toggles off, no filter = matches nobody.
 */
public record WhatIfBody(
        @Size(max = NAME) String name,
        @Schema(enumeration = {"PERSON", "COMPANY"}, defaultValue = "PERSON")
        @Pattern(regexp = "PERSON|COMPANY", message = "Must be PERSON or COMPANY.", payload = ErrorCode.InvalidEnum.class)
        String level,
        Boolean excludeFromSequences,
        Boolean removeFromActiveSequences,
        @JsonSize(max = FILTER_JSON) @ValidFilter JsonNode filter) {

    /** enrollment-service's {@code Limits.NAME} and {@code Limits.FILTER_JSON}. */
    public static final int NAME = 200;
    public static final int FILTER_JSON = 16_000;

    /** The proposal to evaluate; the filter was validated (a body from a peer instance is parsed again). */
    public WhatIfRequest toRequest(String orgId, String ruleId) {
        try {
            return new WhatIfRequest(orgId, ruleId, "COMPANY".equals(level) ? RuleLevel.COMPANY : RuleLevel.PERSON,
                    filter == null || filter.isNull() ? null : FilterParser.parse(filter),
                    Boolean.TRUE.equals(excludeFromSequences), Boolean.TRUE.equals(removeFromActiveSequences));
        } catch (InvalidFilterException e) {
            throw ApiException.badRequest(FieldError.of("invalid_filter", e.getMessage(), "filter"));
        }
    }
}
