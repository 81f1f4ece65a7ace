package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.seqengine.service.validation.Slug;

/**
 * {@code PUT /rulesets/{id}}: re-enrollment settings, the exclusion rules the ruleset enables and the
 * company limit ({@code max_active_enrollments_per_company}: null or omitted = no limit).
 */
public record RulesetBody(
        Boolean allowReenrollmentIntoSequences,
        Boolean allowReenrollmentIntoSameSequence,
        @Min(0) @Max(Limits.DAYS) Integer reenrollmentWaitingDays,
        @Size(max = Limits.EXCLUSION_RULE_IDS) List<@NotNull @Slug String> exclusionRuleIds,
        @Min(1) Integer maxActiveEnrollmentsPerCompany) {}
