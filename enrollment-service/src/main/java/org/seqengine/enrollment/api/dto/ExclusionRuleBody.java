package org.seqengine.enrollment.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PUT /exclusion-rules/{id}}: the org-level toggles and the filter (kept as JSON for the
 * exclusion-evaluator).
 */
public record ExclusionRuleBody(String name, String level, Boolean excludeFromSequences,
                                Boolean removeFromActiveSequences, JsonNode filter) {}
