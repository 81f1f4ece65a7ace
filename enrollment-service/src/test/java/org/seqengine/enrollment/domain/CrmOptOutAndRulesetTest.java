package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptOutCleared;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.reference.Ruleset;

/** The CRM opt-out flag's commands, who clears an opt-out, and the organization's default ruleset. */
class CrmOptOutAndRulesetTest {

    @Test
    void aCrmOptOutEndsActiveEnrollmentsLikeAnyOptOut() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        List<EnrollmentEvent> events = s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.CRM));
        assertThat(events).singleElement().isInstanceOfSatisfying(OptedOut.class,
                o -> assertThat(o.endedEnrollmentIds()).containsExactly(id));
        assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.OPTED_OUT);
        assertThat(s.state.optOutSource()).isEqualTo(OptOutSource.CRM);
    }

    @Test
    void theCrmFlagClearedClearsOnlyACrmOptOut() {
        Scenario s = Scenario.of(Fixtures.reference());
        s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.CRM));
        List<EnrollmentEvent> events = s.run(new EnrollmentCommand.ClearCrmOptOut(s.meta()));
        assertThat(events).singleElement().isInstanceOfSatisfying(OptOutCleared.class,
                c -> assertThat(c.permissionNote()).isEqualTo(LifecycleDecisions.CRM_FLAG_CLEARED));
        assertThat(s.state.optedOut()).isFalse();
    }

    @Test
    void anOptOutMadeHereSurvivesTheCrmFlagGoingFalse() {
        for (OptOutSource source : List.of(OptOutSource.LINK, OptOutSource.ADMIN, OptOutSource.REPLY, OptOutSource.API)) {
            Scenario s = Scenario.of(Fixtures.reference());
            s.run(new EnrollmentCommand.OptOut(s.meta(), source));
            assertThat(s.run(new EnrollmentCommand.ClearCrmOptOut(s.meta()))).as("%s", source).isEmpty();
            assertThat(s.state.optedOut()).isTrue();
            assertThat(s.run(new EnrollmentCommand.ClearOptOut(s.meta(), "asked to hear from us again")))
                    .singleElement().isInstanceOf(OptOutCleared.class);
            assertThat(s.state.optedOut()).isFalse();
        }
    }

    @Test
    void anOptOutMadeHereAfterACrmOptOutNeedsAPermissionNote() {
        Scenario s = Scenario.of(Fixtures.reference());
        s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.CRM));
        assertThat(s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK))).singleElement()
                .isInstanceOfSatisfying(OptedOut.class, o -> assertThat(o.source()).isEqualTo(OptOutSource.LINK));
        assertThat(s.run(new EnrollmentCommand.ClearCrmOptOut(s.meta()))).isEmpty();
        assertThat(s.state.optedOut()).isTrue();
        assertThat(s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.CRM))).as("CRM again: nothing new").isEmpty();
    }

    @Test
    void theClearedEventCarriesTheActor() {
        Scenario s = Scenario.of(Fixtures.reference());
        s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.ADMIN));
        CommandMeta meta = new CommandMeta("c-clear", Fixtures.ORG, Fixtures.PERSON, s.now, "org-1:user-42", null);
        assertThat(s.run(new EnrollmentCommand.ClearOptOut(meta, "consent by phone"))).singleElement()
                .satisfies(e -> assertThat(e.meta().actor()).isEqualTo("org-1:user-42"));
    }

    @Test
    void aSequenceWithoutRulesetUsesTheOrganizationsDefaultRuleset() {
        // org default: re-enrollment on, immediately
        Scenario s = Scenario.of(Fixtures.reference().ruleset(Ruleset.DEFAULT_ID, true, true, 0));
        String first = s.enrolled(SEQ);
        s.steps(first, 1).unenroll(first);
        s.advance(Duration.ofMinutes(1));
        s.enrolled(SEQ_2);
    }

    @Test
    void withoutADefaultRulesetTheBuiltInDefaultsApply() {
        Scenario s = Scenario.of(Fixtures.reference());
        String first = s.enrolled(SEQ);
        s.steps(first, 1).unenroll(first);
        assertThat(s.codes(Fixtures.enroll("c-again", SEQ_2)))
                .containsExactly(RejectionCode.ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE);
    }

    @Test
    void aSequenceNamingAnUnknownRulesetUsesTheOrganizationsDefault() {
        Scenario s = Scenario.of(Fixtures.reference().ruleset(Ruleset.DEFAULT_ID, true, true, 0)
                .sequence("seq-x", true, "deleted-ruleset", 2));
        String first = s.enrolled(SEQ);
        s.steps(first, 1).unenroll(first);
        s.enrolled("seq-x");
    }

    @Test
    void aSequencesOwnRulesetWinsOverTheDefault() {
        Scenario s = Scenario.of(Fixtures.reference().ruleset(Ruleset.DEFAULT_ID, true, true, 0)
                .ruleset("strict", false, false, 75).sequence("seq-strict", true, "strict", 2));
        String first = s.enrolled(SEQ);
        s.steps(first, 1).unenroll(first);
        assertThat(s.codes(Fixtures.enroll("c-strict", "seq-strict")))
                .containsExactly(RejectionCode.ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE);
    }
}
