package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;
import static org.seqengine.enrollment.domain.Fixtures.enroll;
import static org.seqengine.enrollment.domain.RejectionCode.ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE;
import static org.seqengine.enrollment.domain.RejectionCode.ALREADY_ENROLLED_IN_THIS_SEQUENCE;
import static org.seqengine.enrollment.domain.RejectionCode.RECENTLY_ENROLLED;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;

class ReenrollmentTest {

    /** Reference data where SEQ and SEQ_2 both use a ruleset with these settings. */
    private static InMemoryReferenceData.Builder withRuleset(boolean reenroll, boolean same, int days) {
        return Fixtures.reference()
                .ruleset("rs", reenroll, same, days)
                .sequence(SEQ, true, "rs", 3)
                .sequence(SEQ_2, true, "rs", 2);
    }

    /** A scenario with one finished enrollment in SEQ that completed {@code steps} steps. */
    private static Scenario previous(InMemoryReferenceData.Builder reference, int steps) {
        Scenario s = Scenario.of(reference);
        String id = s.enrolled(SEQ);
        s.steps(id, steps).unenroll(id);
        assertThat(s.enrollment(id).isActive()).isFalse();
        return s;
    }

    private static boolean enrolls(Scenario s, String sequenceId) {
        return s.run(enroll(s.nextCommandId(), sequenceId)).get(0) instanceof Enrolled;
    }

    @Nested
    class ReenrollmentOff {

        @Test
        void sameSequenceAfterAStepIsRejected() {
            Scenario s = previous(Fixtures.reference(), 1);
            s.advance(Duration.ofDays(365));
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
        }

        @Test
        void anotherSequenceAfterAStepIsRejected() {
            Scenario s = previous(Fixtures.reference(), 2);
            s.advance(Duration.ofDays(365));
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE);
        }

        @Test
        void aCompletedSequenceCounts() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ_2);
            s.steps(id, 2);
            assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
            assertThat(s.codes(enroll("c-2", SEQ))).containsExactly(ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE);
        }

        @Test
        void enrollmentsThatNeverCompletedAStepDoNotCount() {
            Scenario s = previous(Fixtures.reference(), 0);
            assertThat(s.enrollment(s.state.enrollments().get(0).id()).displayStatus()).isEqualTo(DisplayStatus.CANCELED);
            assertThat(enrolls(s, SEQ)).isTrue();
            s.unenroll(s.state.active().orElseThrow().id());
            assertThat(enrolls(s, SEQ_2)).isTrue();
        }

        @Test
        void thisSequenceWinsWhenBothApply() {
            Scenario s = Scenario.of(withRuleset(true, true, 0));
            String a = s.enrolled(SEQ_2);
            s.steps(a, 1).unenroll(a);
            String b = s.enrolled(SEQ);
            s.steps(b, 1).unenroll(b);
            s.reference = Fixtures.reference().build();
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
        }

        @Test
        void anUnknownRulesetIdFallsBackToTheDefaults() {
            Scenario s = previous(Fixtures.reference().sequence(SEQ_2, true, "missing-ruleset", 2), 1);
            s.advance(Duration.ofDays(365));
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE);
        }
    }

    @Nested
    class ReenrollmentOn {

        @Test
        void sameSequenceNeedsTheSameSequenceSetting() {
            Scenario s = previous(withRuleset(true, false, 0), 1);
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
            assertThat(enrolls(s, SEQ_2)).isTrue();
        }

        @Test
        void sameSequenceAllowedWithTheSetting() {
            Scenario s = previous(withRuleset(true, true, 0), 1);
            assertThat(enrolls(s, SEQ)).isTrue();
        }

        @ParameterizedTest(name = "wait {0} days, enroll {1}s after the end -> allowed {2}")
        @CsvSource({
                "30, 0, false",
                "30, 2591999, false",   // one second before 30 days
                "30, 2592000, true",    // exactly 30 days: the waiting period has passed
                "30, 2592001, true",
                "1, 86399, false",
                "1, 86400, true",
                "75, 6479999, false",
                "75, 6480000, true",
                "0, 0, true"            // 0 days: immediately
        })
        void waitingPeriodBoundary(int days, long secondsAfterEnd, boolean allowed) {
            Scenario s = previous(withRuleset(true, true, days), 1);
            s.advance(Duration.ofSeconds(secondsAfterEnd));
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ_2));
            if (allowed) {
                assertThat(events.get(0)).isInstanceOf(Enrolled.class);
            } else {
                assertThat(((EnrollmentEvent.EnrollmentRejected) events.get(0)).reasons())
                        .extracting(Rejection::code).containsExactly(RECENTLY_ENROLLED);
            }
        }

        @Test
        void theWaitingPeriodRunsFromTheMostRecentCountedEnd() {
            Scenario s = Scenario.of(withRuleset(true, true, 0));
            String a = s.enrolled(SEQ);
            s.steps(a, 1).unenroll(a);                 // counted, ended T0
            s.advance(Duration.ofDays(10));
            String b = s.enrolled(SEQ_2);
            s.steps(b, 1).unenroll(b);                 // counted, ended T0+10d
            s.advance(Duration.ofDays(10));
            String c = s.enrolled(SEQ);
            s.unenroll(c);                             // not counted (no step), ended T0+20d
            s.reference = withRuleset(true, true, 30).build();

            s.advance(Duration.ofDays(10));            // T0+30d: 20 days after the last counted end
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(RECENTLY_ENROLLED);
            s.advance(Duration.ofDays(10));            // T0+40d: 30 days after it
            assertThat(enrolls(s, SEQ_2)).isTrue();
        }

        @Test
        void notAllowedSameSequenceComesBeforeTheWaitingPeriod() {
            Scenario s = previous(withRuleset(true, false, 30), 1);
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
            assertThat(EnrollChecks.eligibility(SEQ, s.state, s.ctx())).extracting(Rejection::code)
                    .containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE, RECENTLY_ENROLLED);
            assertThat(s.codes(enroll("c-2", SEQ_2))).containsExactly(RECENTLY_ENROLLED);
        }

        @Test
        void theTargetSequencesRulesetDecides() {
            // previous enrollment in SEQ under the defaults; SEQ_2's own ruleset allows re-enrollment
            Scenario s = previous(Fixtures.reference().ruleset("open", true, true, 0)
                    .sequence(SEQ_2, true, "open", 2), 1);
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
            assertThat(enrolls(s, SEQ_2)).isTrue();
        }
    }

    @Nested
    class ResumeAtNextStep {

        private Scenario reenrollable() {
            return Scenario.of(withRuleset(true, true, 0));
        }

        @Test
        void reenrolledIntoTheSameSequenceStartsAtTheNextStep() {
            Scenario s = reenrollable();
            String first = s.enrolled(SEQ);
            s.steps(first, 2).unenroll(first);

            List<EnrollmentEvent> events = s.run(enroll("c-again", SEQ));

            Enrolled enrolled = (Enrolled) events.get(0);
            assertThat(enrolled.startStepIndex()).isEqualTo(2);
            Enrollment second = s.enrollment(enrolled.enrollmentId());
            assertThat(second.nextStepIndex()).isEqualTo(2);
            assertThat(second.stepsCompleted()).isZero();
            assertThat(second.displayStatus()).isEqualTo(DisplayStatus.QUEUED);
        }

        @Test
        void theResumedEnrollmentCompletesAfterTheLastStep() {
            Scenario s = reenrollable();
            String first = s.enrolled(SEQ);
            s.steps(first, 2).unenroll(first);
            String second = s.enrolled(SEQ);
            assertThat(s.run(new EnrollmentCommand.CompleteStep(s.meta(), second, 0))).isEmpty();
            s.steps(second, 1);
            assertThat(s.enrollment(second).finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
            assertThat(s.enrollment(second).stepsCompleted()).isEqualTo(1);
        }

        @Test
        void aCanceledReenrollmentKeepsThePosition() {
            Scenario s = reenrollable();
            String first = s.enrolled(SEQ);
            s.steps(first, 1).unenroll(first);
            String second = s.enrolled(SEQ);
            s.unenroll(second);
            assertThat(((Enrolled) s.run(enroll("c-third", SEQ)).get(0)).startStepIndex()).isEqualTo(1);
        }

        @Test
        void aFullyRunSequenceStartsOver() {
            Scenario s = reenrollable();
            String first = s.enrolled(SEQ);
            s.steps(first, 3);
            assertThat(s.enrollment(first).isActive()).isFalse();
            assertThat(((Enrolled) s.run(enroll("c-again", SEQ)).get(0)).startStepIndex()).isZero();
        }

        @Test
        void anotherSequenceStartsAtStep0() {
            Scenario s = reenrollable();
            String first = s.enrolled(SEQ);
            s.steps(first, 1).unenroll(first);
            assertThat(((Enrolled) s.run(enroll("c-other", SEQ_2)).get(0)).startStepIndex()).isZero();
        }

        @Test
        void theLatestSameSequenceEnrollmentDecides() {
            Scenario s = reenrollable();
            String a = s.enrolled(SEQ);
            s.steps(a, 2).unenroll(a);          // next 2
            String b = s.enrolled(SEQ_2);
            s.steps(b, 1).unenroll(b);
            String c = s.enrolled(SEQ);         // starts at 2
            s.steps(c, 1);                      // completes the sequence -> next 3 == step count
            assertThat(s.enrollment(c).finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
            assertThat(((Enrolled) s.run(enroll("c-again", SEQ)).get(0)).startStepIndex()).isZero();
        }
    }
}
