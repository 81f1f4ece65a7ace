package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.List;
import org.seqengine.enrollment.domain.ExclusionExplanation;

/**
 * {@code GET /people/{id}/exclusions}: every exclusion rule the person matches now. Without
 * {@code sequence_id} the per-sequence fields are null.
 *
 * @param evaluatedAt        when the exclusion-evaluator last evaluated the person (null: never)
 * @param activeEnrollmentId the person's active enrollment in {@code sequence_id}, if any
 */
public record PersonExclusionsView(String personId, Instant evaluatedAt, String sequenceId, String activeEnrollmentId,
                                   List<Match> matches) {

    /**
     * One matching rule.
     *
     * @param ruleName                  null (as the toggles) when the rule was deleted since it matched
     * @param appliesToSequence         whether the rule keeps the person out of {@code sequence_id}
     * @param enforcement               ORGANIZATION (the rule's own toggle) or SEQUENCE (the sequence's
     *                                  ruleset enables it); null when it does not apply
     * @param removesActiveEnrollment   whether it ends the person's active enrollment in {@code sequence_id}
     */
    public record Match(String ruleId, String ruleName, String level, Instant matchedSince,
                        List<ExclusionMatchView.Evidence> evidence,
                        Boolean excludeFromSequences, Boolean removeFromActiveSequences,
                        Boolean appliesToSequence, String enforcement, Boolean removesActiveEnrollment) {

        static Match of(ExclusionExplanation x) {
            ExclusionMatchView m = ExclusionMatchView.of(x.match());
            var rule = x.rule();
            var verdict = x.verdict();
            return new Match(m.ruleId(), rule == null ? null : rule.name(), m.level(), m.matchedSince(), m.evidence(),
                    rule == null ? null : rule.excludeFromSequences(),
                    rule == null ? null : rule.removeFromActiveSequences(),
                    verdict == null ? null : verdict.applies(),
                    verdict == null || verdict.enforcement() == null ? null : verdict.enforcement().name(),
                    verdict == null ? null : verdict.removesActiveEnrollment());
        }
    }

    public static PersonExclusionsView of(String personId, Instant evaluatedAt, String sequenceId,
                                          String activeEnrollmentId, List<ExclusionExplanation> explained) {
        return new PersonExclusionsView(personId, evaluatedAt, sequenceId, activeEnrollmentId,
                explained.stream().map(Match::of).toList());
    }
}
