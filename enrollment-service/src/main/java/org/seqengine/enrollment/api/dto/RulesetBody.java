package org.seqengine.enrollment.api.dto;

import java.util.List;

/** {@code PUT /rulesets/{id}}: re-enrollment settings and the exclusion rules the ruleset enables. */
public record RulesetBody(Boolean allowReenrollmentIntoSequences, Boolean allowReenrollmentIntoSameSequence,
                          Integer reenrollmentWaitingDays, List<String> exclusionRuleIds) {}
