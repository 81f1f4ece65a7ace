package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;
import static org.seqengine.enrollment.domain.Fixtures.enroll;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.EnrollmentEvent.Excluded;
import org.seqengine.enrollment.domain.reference.EnforcementLevel;
import org.seqengine.enrollment.domain.reference.ExclusionEvidence;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.enrollment.domain.reference.Ruleset;

class ExclusionTest {

    /** SEQ uses ruleset "rs"; rule r1 has the given toggles; the person matches r1. */
    private static InMemoryReferenceData.Builder reference(boolean orgToggle, boolean sequenceToggle, boolean remove) {
        InMemoryReferenceData.Builder b = Fixtures.reference()
                .rule("r1", orgToggle, remove)
                .match(PERSON, "r1");
        b = sequenceToggle ? b.ruleset("rs", false, false, 75, "r1") : b.ruleset("rs", false, false, 75);
        return b.sequence(SEQ, true, "rs", 3);
    }

    @Nested
    class AtEnrollment {

        @ParameterizedTest(name = "org toggle {0}, sequence toggle {1} -> {2}")
        @CsvSource({
                "true,  false, ORGANIZATION",
                "false, true,  SEQUENCE",
                "true,  true,  ORGANIZATION",
                "false, false, ALLOWED"
        })
        void levels(boolean orgToggle, boolean sequenceToggle, String expected) {
            Scenario s = Scenario.of(reference(orgToggle, sequenceToggle, false));
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ));
            if (expected.equals("ALLOWED")) {
                assertThat(events).singleElement().isInstanceOf(Enrolled.class);
                return;
            }
            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r ->
                    assertThat(r.reasons()).containsExactly(new Rejection(RejectionCode.EXCLUDED,
                            RejectionCode.EXCLUDED.message(), "r1", EnforcementLevel.valueOf(expected))));
        }

        @Test
        void everyApplyingRuleIsListedOnceWithItsLevel() {
            Scenario s = Scenario.of(Fixtures.reference()
                    .rule("r-org", true, false).rule("r-seq", false, false).rule("r-off", false, false)
                    .ruleset("rs", false, false, 75, "r-seq", "r-not-matched")
                    .sequence(SEQ, true, "rs", 3)
                    .match(PERSON, "r-org", MatchLevel.PERSON)
                    .match(PERSON, "r-org", MatchLevel.COMPANY)
                    .match(PERSON, "r-off")
                    .match(PERSON, "r-unknown")
                    .match(PERSON, "r-seq", MatchLevel.COMPANY));

            List<Rejection> reasons = s.rejections(enroll("c-1", SEQ));

            assertThat(reasons).extracting(Rejection::code).containsOnly(RejectionCode.EXCLUDED);
            assertThat(reasons).extracting(Rejection::ruleId).containsExactly("r-org", "r-seq");
            assertThat(reasons).extracting(Rejection::level)
                    .containsExactly(EnforcementLevel.ORGANIZATION, EnforcementLevel.SEQUENCE);
        }

        @Test
        void aRuleEnabledOnlyInAnotherSequencesRulesetDoesNotApply() {
            Scenario s = Scenario.of(Fixtures.reference()
                    .rule("r1", false, false).match(PERSON, "r1")
                    .ruleset("other", false, false, 75, "r1")
                    .sequence(SEQ_2, true, "other", 2));
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(RejectionCode.EXCLUDED);
            assertThat(s.run(enroll("c-2", SEQ))).singleElement().isInstanceOf(Enrolled.class);
        }

        @Test
        void aMatchOfAnUnknownRuleIsIgnored() {
            Scenario s = Scenario.of(Fixtures.reference().match(PERSON, "deleted-rule"));
            assertThat(s.run(enroll("c-1", SEQ))).singleElement().isInstanceOf(Enrolled.class);
        }
    }

    @Nested
    class MidSequence {

        private Scenario enrolledThenMatching(boolean orgToggle, boolean sequenceToggle, boolean remove) {
            Scenario s = Scenario.of(reference(false, false, false)); // matching, but no toggle on: enrolls
            s.enrolled(SEQ);
            s.reference = reference(orgToggle, sequenceToggle, remove).build();
            return s;
        }

        private EnrollmentCommand.Exclude exclude(Scenario s, String... ruleIds) {
            return new EnrollmentCommand.Exclude(s.meta(),
                    java.util.Arrays.stream(ruleIds).map(id -> new ExclusionMatch(id, MatchLevel.COMPANY)).toList());
        }

        @ParameterizedTest(name = "org {0}, sequence {1}, remove {2} -> excluded {3}")
        @CsvSource({
                "true,  false, true,  true",
                "false, true,  true,  true",
                "true,  true,  true,  true",
                "false, false, true,  false",
                "true,  false, false, false",
                "false, true,  false, false",
                "false, false, false, false"
        })
        void removalNeedsAnApplyingRuleWithRemoveFromActiveOn(boolean org, boolean sequence, boolean remove,
                                                              boolean excluded) {
            Scenario s = enrolledThenMatching(org, sequence, remove);
            String id = s.state.active().orElseThrow().id();
            List<EnrollmentEvent> events = s.run(exclude(s, "r1"));
            if (excluded) {
                assertThat(events).singleElement().isInstanceOfSatisfying(Excluded.class, e -> {
                    assertThat(e.enrollmentId()).isEqualTo(id);
                    assertThat(e.matches()).containsExactly(new ExclusionMatch("r1", MatchLevel.COMPANY));
                });
                Enrollment e = s.enrollment(id);
                assertThat(e.finishReason()).isEqualTo(FinishReason.EXCLUDED);
                assertThat(e.displayStatus()).isEqualTo(DisplayStatus.EXCLUDED);
                assertThat(e.isExcluded()).isTrue();
                assertThat(e.endedAt()).isEqualTo(s.now);
                assertThat(s.state.active()).isEmpty();
            } else {
                assertThat(events).isEmpty();
                assertThat(s.enrollment(id).isActive()).isTrue();
            }
        }

        @Test
        void onlyTheRemovingMatchesAreListed() {
            Scenario s = enrolledThenMatching(true, false, true);
            s.reference = ((InMemoryReferenceData) s.reference).toBuilder()
                    .rule("r-keep", true, false).build();
            List<EnrollmentEvent> events = s.run(exclude(s, "r-keep", "r1", "r-unknown"));
            assertThat(((Excluded) events.get(0)).matches()).extracting(ExclusionMatch::ruleId).containsExactly("r1");
        }

        @Test
        void theExcludedEnrollmentKeepsTheMatchesWithSinceWhenAndEvidence() {
            Scenario s = enrolledThenMatching(true, false, true);
            String id = s.state.active().orElseThrow().id();
            ExclusionEvidence evidence = new ExclusionEvidence("opportunity.stage", "equals", "open", "Open",
                    "salesforce", "opportunity", "006B2", "person-2");
            ExclusionMatch match = new ExclusionMatch("r1", MatchLevel.COMPANY, Fixtures.T0.minusSeconds(60),
                    List.of(evidence));

            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.Exclude(s.meta(), List.of(match)));

            assertThat(events).singleElement().isInstanceOfSatisfying(Excluded.class,
                    e -> assertThat(e.matches()).containsExactly(match));
            assertThat(s.enrollment(id).excludedBy()).containsExactly(match);
            // later changes to the finished enrollment keep why it ended
            s.run(new EnrollmentCommand.Bounce(s.meta(), id));
            assertThat(s.enrollment(id).excludedBy()).containsExactly(match);
        }

        @Test
        void enrollmentsEndedOtherwiseAreExcludedByNothing() {
            Scenario s = enrolledThenMatching(false, false, false);
            String id = s.state.active().orElseThrow().id();
            s.run(new EnrollmentCommand.Unenroll(s.meta(), id));
            assertThat(s.enrollment(id).excludedBy()).isEmpty();
        }

        @Test
        void withoutAnActiveEnrollmentNothingHappens() {
            Scenario s = Scenario.of(reference(true, true, true));
            assertThat(s.run(exclude(s, "r1"))).isEmpty();
        }

        @Test
        void anEmptyMatchListDoesNothing() {
            Scenario s = enrolledThenMatching(true, true, true);
            assertThat(s.run(exclude(s))).isEmpty();
        }

        @Test
        void anExcludedPersonCannotBeEnrolledWhileMatching() {
            Scenario s = enrolledThenMatching(true, false, true);
            s.run(exclude(s, "r1"));
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(RejectionCode.EXCLUDED);
        }
    }

    @Nested
    class Policy {

        private final ExclusionRule orgOn = new ExclusionRule("o", "r1", "n", MatchLevel.PERSON, true, false, "{}");
        private final ExclusionRule orgOff = new ExclusionRule("o", "r1", "n", MatchLevel.PERSON, false, true, "{}");

        @Test
        void enforcementLevels() {
            Ruleset enabling = new Ruleset("o", "rs", false, false, 75, java.util.Set.of("r1"));
            Ruleset plain = Ruleset.defaults("o");
            assertThat(ExclusionPolicy.enforcement(orgOn, plain)).contains(EnforcementLevel.ORGANIZATION);
            assertThat(ExclusionPolicy.enforcement(orgOn, enabling)).contains(EnforcementLevel.ORGANIZATION);
            assertThat(ExclusionPolicy.enforcement(orgOff, enabling)).contains(EnforcementLevel.SEQUENCE);
            assertThat(ExclusionPolicy.enforcement(orgOff, plain)).isEmpty();
        }

        @Test
        void defaultsEnableNoRule() {
            assertThat(Ruleset.defaults("o").exclusionRuleIds()).isEmpty();
            assertThat(Ruleset.defaults("o").allowReenrollmentIntoSequences()).isFalse();
            assertThat(Ruleset.defaults("o").reenrollmentWaitingDays()).isEqualTo(75);
        }
    }
}
