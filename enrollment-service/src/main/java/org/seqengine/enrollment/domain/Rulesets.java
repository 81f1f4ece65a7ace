package org.seqengine.enrollment.domain;

import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;

/** Which ruleset governs a sequence: its own, else the org's defaults. */
public final class Rulesets {

    private Rulesets() {}

    /** The sequence's ruleset; {@link Ruleset#defaults} when it names none or an unknown one. */
    public static Ruleset forSequence(Sequence sequence, ReferenceData reference) {
        if (sequence.rulesetId() == null) {
            return Ruleset.defaults(sequence.orgId());
        }
        return reference.ruleset(sequence.rulesetId()).orElseGet(() -> Ruleset.defaults(sequence.orgId()));
    }
}
