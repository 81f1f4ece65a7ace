package org.seqengine.enrollment.domain;

import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * Which ruleset governs a sequence: its own; else the organization's default ruleset (the one
 * stored with id {@value Ruleset#DEFAULT_ID}, set by {@code PUT /rulesets/default}); else the built-in
 * {@link Ruleset#defaults}.
 */
public final class Rulesets {

    private Rulesets() {}

    /** The sequence's ruleset; the org default when it names none or an unknown one. */
    public static Ruleset forSequence(Sequence sequence, ReferenceData reference) {
        if (sequence.rulesetId() != null) {
            var own = reference.ruleset(sequence.rulesetId());
            if (own.isPresent()) {
                return own.get();
            }
        }
        return orgDefault(sequence.orgId(), reference);
    }

    public static Ruleset orgDefault(String orgId, ReferenceData reference) {
        return reference.ruleset(Ruleset.DEFAULT_ID).orElseGet(() -> Ruleset.defaults(orgId));
    }
}
