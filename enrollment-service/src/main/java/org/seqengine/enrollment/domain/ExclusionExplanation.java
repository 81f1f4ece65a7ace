package org.seqengine.enrollment.domain;

import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.reference.EnforcementLevel;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * Why a person is excluded: each rule they match now with the rule itself (null when it was deleted
 * since) and, for a given sequence, whether the rule applies to it, by which setting, and whether it
 * would end the person's active enrollment in it. The same policy as enrollment and mid-sequence
 * removal ({@link ExclusionPolicy}), so the explanation never disagrees with what happens.
 *
 * @param verdict null when no sequence was asked about
 */
public record ExclusionExplanation(ExclusionMatch match, ExclusionRule rule, Verdict verdict) {

    /**
     * @param enforcement             the setting that makes the rule apply (org toggle or the sequence's
     *                                ruleset), null when it does not apply
     * @param removesActiveEnrollment the person's active enrollment is in this sequence and the rule
     *                                applies with "remove from active sequences" on
     */
    public record Verdict(EnforcementLevel enforcement, boolean removesActiveEnrollment) {
        public boolean applies() {
            return enforcement != null;
        }
    }

    /** Every match, in the order the evaluator listed them; {@code sequence} may be null. */
    public static List<ExclusionExplanation> explain(List<ExclusionMatch> matches, Sequence sequence, PersonState state,
                                                     ReferenceData reference) {
        Ruleset ruleset = sequence == null ? null : Rulesets.forSequence(sequence, reference);
        boolean activeInSequence = sequence != null
                && state.active().map(e -> sequence.id().equals(e.sequenceId())).orElse(false);
        return matches.stream().map(match -> {
            ExclusionRule rule = match.ruleId() == null ? null : reference.exclusionRule(match.ruleId()).orElse(null);
            if (ruleset == null) {
                return new ExclusionExplanation(match, rule, null);
            }
            EnforcementLevel level = Optional.ofNullable(rule)
                    .flatMap(r -> ExclusionPolicy.enforcement(r, ruleset)).orElse(null);
            boolean removes = activeInSequence && level != null && rule.removeFromActiveSequences();
            return new ExclusionExplanation(match, rule, new Verdict(level, removes));
        }).toList();
    }
}
