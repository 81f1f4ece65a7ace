package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.ExclusionExplanation.Verdict;
import org.seqengine.enrollment.domain.reference.EnforcementLevel;
import org.seqengine.enrollment.domain.reference.Sequence;

/** The explanation agrees with the policy enrollment and removal apply. */
class ExclusionExplanationTest {

    /** SEQ uses ruleset "rs" enabling r-seq; r-org has the org toggle; r-off neither; r-gone was deleted. */
    private final Scenario s = Scenario.of(Fixtures.reference()
            .rule("r-org", true, true).rule("r-seq", false, true).rule("r-off", false, true).rule("r-keep", true, false)
            .ruleset("rs", false, false, 75, "r-seq")
            .sequence(SEQ, true, "rs", 3));

    private List<ExclusionExplanation> explain(String sequenceId) {
        Sequence sequence = sequenceId == null ? null : s.reference.sequence(sequenceId).orElseThrow();
        var matches = ((InMemoryReferenceData) s.reference).toBuilder()
                .match(PERSON, "r-org").match(PERSON, "r-seq").match(PERSON, "r-off").match(PERSON, "r-keep")
                .match(PERSON, "r-gone").build().exclusionMatches(PERSON);
        return ExclusionExplanation.explain(matches, sequence, s.state, s.reference);
    }

    @Test
    void withoutASequenceOnlyTheRulesAreNamed() {
        List<ExclusionExplanation> out = explain(null);
        assertThat(out).extracting(x -> x.match().ruleId()).containsExactly("r-org", "r-seq", "r-off", "r-keep", "r-gone");
        assertThat(out).extracting(ExclusionExplanation::verdict).containsOnlyNulls();
        assertThat(out.get(4).rule()).isNull();
        assertThat(out.get(0).rule().name()).isEqualTo("Rule r-org");
    }

    @Test
    void forASequenceEachRuleSaysWhetherAndHowItApplies() {
        String active = s.enrolled(SEQ_2); // active elsewhere: nothing is removed from SEQ
        assertThat(active).isNotNull();
        assertThat(explain(SEQ)).extracting(ExclusionExplanation::verdict).containsExactly(
                new Verdict(EnforcementLevel.ORGANIZATION, false),
                new Verdict(EnforcementLevel.SEQUENCE, false),
                new Verdict(null, false),
                new Verdict(EnforcementLevel.ORGANIZATION, false),
                new Verdict(null, false));
    }

    @Test
    void anActiveEnrollmentInTheSequenceIsRemovedOnlyByApplyingRulesWithRemovalOn() {
        s.enrolled(SEQ);
        assertThat(explain(SEQ)).extracting(x -> x.verdict().removesActiveEnrollment())
                .containsExactly(true, true, false, false, false);
    }
}
