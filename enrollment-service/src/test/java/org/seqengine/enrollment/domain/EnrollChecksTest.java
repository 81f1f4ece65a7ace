package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.DRAFT_SEQ;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_A;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_B;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_C;
import static org.seqengine.enrollment.domain.Fixtures.MB_A;
import static org.seqengine.enrollment.domain.Fixtures.MB_B;
import static org.seqengine.enrollment.domain.Fixtures.MB_C;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;
import static org.seqengine.enrollment.domain.Fixtures.T0;
import static org.seqengine.enrollment.domain.Fixtures.enroll;
import static org.seqengine.enrollment.domain.Fixtures.person;
import static org.seqengine.enrollment.domain.RejectionCode.ALREADY_ENROLLED_ACTIVE;
import static org.seqengine.enrollment.domain.RejectionCode.ALREADY_ENROLLED_IN_THIS_SEQUENCE;
import static org.seqengine.enrollment.domain.RejectionCode.DO_NOT_EMAIL;
import static org.seqengine.enrollment.domain.RejectionCode.EMAIL_INVALID;
import static org.seqengine.enrollment.domain.RejectionCode.EXCLUDED;
import static org.seqengine.enrollment.domain.RejectionCode.MAILBOX_NOT_FOUND;
import static org.seqengine.enrollment.domain.RejectionCode.OPTED_OUT;
import static org.seqengine.enrollment.domain.RejectionCode.PERSON_NOT_FOUND;
import static org.seqengine.enrollment.domain.RejectionCode.RECENTLY_ENROLLED;
import static org.seqengine.enrollment.domain.RejectionCode.SEQUENCE_NOT_FOUND;
import static org.seqengine.enrollment.domain.RejectionCode.SEQUENCE_NOT_PUBLISHED;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.reference.Mailbox;

class EnrollChecksTest {

    private static CommandMeta metaFor(String commandId, String personId) {
        return new CommandMeta(commandId, ORG, personId, T0, "tester", null);
    }

    @Nested
    class Success {

        @Test
        void enrolledEventCarriesDerivedIdsMailboxAndStep0() {
            Scenario s = Scenario.of(Fixtures.reference());
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ, MAIL_A));

            assertThat(events).singleElement().isEqualTo(new Enrolled(
                    new EventMeta(Ids.eventId("c-1", 0), "c-1", ORG, PERSON, T0, "tester"),
                    Ids.enrollmentId(ORG, "c-1"), SEQ, MB_A, 0, 1, "owner-" + MB_A, "prospect.example.com"));
        }

        @Test
        void evolveCreatesAQueuedActiveEnrollment() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.run(enroll("c-1", SEQ, MAIL_A));

            Enrollment e = s.enrollment(Ids.enrollmentId(ORG, "c-1"));
            assertThat(e).isEqualTo(new Enrollment(Ids.enrollmentId(ORG, "c-1"), ORG, PERSON, SEQ, MB_A,
                    T0, T0, null, null, 0, 0, null, null, null, null, null, false, false, "tester", List.of(),
                    1, null, null, null, List.of(), "owner-" + MB_A, "prospect.example.com", null));
            assertThat(e.isActive()).isTrue();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.IN_PROGRESS);
            assertThat(e.displayStatus()).isEqualTo(DisplayStatus.QUEUED);
            assertThat(s.state.active()).contains(e);
        }

        @Test
        void theEventUsesTheDecisionTimeNotTheIssueTime() {
            Scenario s = Scenario.of(Fixtures.reference()).advance(Duration.ofMinutes(5));
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ));
            assertThat(events.get(0).meta().occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        }
    }

    @Nested
    class NotFound {

        @Test
        void unknownSequence() {
            Scenario s = Scenario.of(Fixtures.reference());
            List<EnrollmentEvent> events = s.run(enroll("c-1", "nope"));

            assertThat(events).singleElement().isEqualTo(new EnrollmentRejected(
                    new EventMeta(Ids.eventId("c-1", 0), "c-1", ORG, PERSON, T0, "tester"), "Enroll", "nope", null,
                    List.of(Rejection.of(SEQUENCE_NOT_FOUND)), null, null));
            assertThat(s.state.enrollments()).isEmpty();
        }

        @Test
        void unknownPerson() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.state = PersonState.empty(ORG, "ghost");
            assertThat(s.codes(new EnrollmentCommand.Enroll(metaFor("c-1", "ghost"), SEQ, List.of(MAIL_A))))
                    .containsExactly(PERSON_NOT_FOUND);
        }

        @Test
        void unknownSequenceWinsOverUnknownPerson() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.state = PersonState.empty(ORG, "ghost");
            assertThat(s.codes(new EnrollmentCommand.Enroll(metaFor("c-1", "ghost"), "nope", List.of(MAIL_A))))
                    .containsExactly(SEQUENCE_NOT_FOUND);
        }

        @Test
        void nullSequenceIdIsNotFound() {
            Scenario s = Scenario.of(Fixtures.reference());
            assertThat(s.codes(new EnrollmentCommand.Enroll(Fixtures.meta("c-1"), null, List.of(MAIL_A))))
                    .containsExactly(SEQUENCE_NOT_FOUND);
        }
    }

    @Test
    void unpublishedSequence() {
        Scenario s = Scenario.of(Fixtures.reference());
        assertThat(s.codes(enroll("c-1", DRAFT_SEQ))).containsExactly(SEQUENCE_NOT_PUBLISHED);
    }

    @Nested
    class Mailboxes {

        @Test
        void noKnownCandidateIsMailboxNotFound() {
            Scenario s = Scenario.of(Fixtures.reference());
            assertThat(s.codes(enroll("c-1", SEQ, "nobody@seller.example.com", "x@y.example.com")))
                    .containsExactly(MAILBOX_NOT_FOUND);
        }

        @Test
        void noCandidatesAtAllIsMailboxNotFound() {
            Scenario s = Scenario.of(Fixtures.reference());
            assertThat(s.codes(new EnrollmentCommand.Enroll(Fixtures.meta("c-1"), SEQ, List.of())))
                    .containsExactly(MAILBOX_NOT_FOUND);
        }

        @Test
        void emailsMatchCaseInsensitively() {
            Scenario s = Scenario.of(Fixtures.reference());
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ, "ALICE@Seller.Example.com"));
            assertThat(((Enrolled) events.get(0)).mailboxId()).isEqualTo(MB_A);
        }

        @Test
        void unknownCandidatesAreSkipped() {
            Scenario s = Scenario.of(Fixtures.reference());
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ, "nobody@seller.example.com", MAIL_B));
            assertThat(((Enrolled) events.get(0)).mailboxId()).isEqualTo(MB_B);
        }

        @Test
        void picksTheCandidateWithTheFewestActiveEnrollments() {
            DecisionContext ctx = new DecisionContext(T0,
                    Fixtures.reference().load(MB_A, 7).load(MB_B, 2).load(MB_C, 5).build());
            assertThat(EnrollChecks.selectMailbox(List.of(MAIL_A, MAIL_B, MAIL_C), ctx))
                    .map(Mailbox::id).contains(MB_B);
        }

        @Test
        void tiesGoToTheEarliestCandidate() {
            DecisionContext ctx = new DecisionContext(T0,
                    Fixtures.reference().load(MB_A, 9).load(MB_B, 3).load(MB_C, 3).build());
            assertThat(EnrollChecks.selectMailbox(List.of(MAIL_A, MAIL_C, MAIL_B), ctx)).map(Mailbox::id).contains(MB_C);
            assertThat(EnrollChecks.selectMailbox(List.of(MAIL_B, MAIL_C, MAIL_A), ctx)).map(Mailbox::id).contains(MB_B);
        }

        @Test
        void allEqualPicksTheFirst() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference().build());
            assertThat(EnrollChecks.selectMailbox(List.of(MAIL_C, MAIL_A, MAIL_B), ctx)).map(Mailbox::id).contains(MB_C);
        }

        @Test
        void noneKnownIsEmpty() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference().build());
            assertThat(EnrollChecks.selectMailbox(List.of("who@else.example.com"), ctx)).isEmpty();
            assertThat(EnrollChecks.selectMailbox(List.of(), ctx)).isEmpty();
        }

        @Test
        void theEnrolledEventUsesTheLeastLoadedMailbox() {
            Scenario s = Scenario.of(Fixtures.reference().load(MB_A, 3).load(MB_B, 1));
            List<EnrollmentEvent> events = s.run(enroll("c-1", SEQ, MAIL_A, MAIL_B));
            assertThat(((Enrolled) events.get(0)).mailboxId()).isEqualTo(MB_B);
            assertThat(s.enrollment(Ids.enrollmentId(ORG, "c-1")).mailboxId()).isEqualTo(MB_B);
        }
    }

    @Nested
    class ConsentAndAddress {

        @Test
        void optedOutInThisSystem() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(OPTED_OUT);
        }

        @Test
        void optedOutByTheCrmFlag() {
            Scenario s = Scenario.of(Fixtures.reference().person(person("p@prospect.example.com", false, true, false)));
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(OPTED_OUT);
        }

        @Test
        void doNotEmail() {
            Scenario s = Scenario.of(Fixtures.reference().person(person("p@prospect.example.com", true, false, false)));
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(DO_NOT_EMAIL);
        }

        @ParameterizedTest
        @MethodSource("org.seqengine.enrollment.domain.EnrollChecksTest#badAddresses")
        void invalidOrRiskyAddress(String email, boolean highBounceRisk) {
            Scenario s = Scenario.of(Fixtures.reference().person(person(email, false, false, highBounceRisk)));
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(EMAIL_INVALID);
        }
    }

    static Stream<Arguments> badAddresses() {
        return Stream.of(
                Arguments.of(null, false),
                Arguments.of("", false),
                Arguments.of("   ", false),
                Arguments.of("not-an-email", false),
                Arguments.of("ada@localhost", false),
                Arguments.of("ada@@prospect.example.com", false),
                Arguments.of("ada lovelace@prospect.example.com", false),
                Arguments.of("@prospect.example.com", false),
                Arguments.of("ada@prospect..com", false),
                Arguments.of("ada@prospect.c", false),
                Arguments.of("ada@prospect.example.com", true));
    }

    @Nested
    class OneActiveSequence {

        private void assertActiveConflict(Scenario s, String activeId) {
            List<EnrollmentEvent> events = s.run(enroll("c-new", SEQ_2));
            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r -> {
                assertThat(r.reasons()).extracting(Rejection::code).containsExactly(ALREADY_ENROLLED_ACTIVE);
                assertThat(r.activeSequenceId()).isEqualTo(SEQ);
                assertThat(r.activeEnrollmentId()).isEqualTo(activeId);
                assertThat(r.sequenceId()).isEqualTo(SEQ_2);
                assertThat(r.enrollmentId()).isNull();
            });
            CommandOutcome recent = s.outcome("c-new").orElseThrow();
            assertThat(recent.activeSequenceId()).isEqualTo(SEQ);
            assertThat(recent.activeEnrollmentId()).isEqualTo(activeId);
            assertThat(recent.rejections()).extracting(Rejection::code).containsExactly(ALREADY_ENROLLED_ACTIVE);
        }

        @Test
        void queued() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);
            assertActiveConflict(s, id);
        }

        @Test
        void started() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);
            s.steps(id, 1);
            assertThat(s.enrollment(id).displayStatus()).isEqualTo(DisplayStatus.STARTED);
            assertActiveConflict(s, id);
        }

        @Test
        void blocked() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);
            s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_PAUSED));
            assertThat(s.enrollment(id).displayStatus()).isEqualTo(DisplayStatus.BLOCKED);
            assertActiveConflict(s, id);
        }

        @Test
        void paused() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            assertThat(s.enrollment(id).displayStatus()).isEqualTo(DisplayStatus.PAUSED);
            assertActiveConflict(s, id);
        }

        @Test
        void sameSequenceAgainIsAlsoAnActiveConflict() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.enrolled(SEQ);
            assertThat(s.codes(enroll("c-again", SEQ))).containsExactly(ALREADY_ENROLLED_ACTIVE);
        }
    }

    @Nested
    class FirstFailureWins {

        @Test
        void unpublishedBeforeMailbox() {
            Scenario s = Scenario.of(Fixtures.reference());
            assertThat(s.codes(enroll("c-1", DRAFT_SEQ, "nobody@x.example.com"))).containsExactly(SEQUENCE_NOT_PUBLISHED);
        }

        @Test
        void mailboxBeforeOptOut() {
            Scenario s = Scenario.of(Fixtures.reference().person(person("p@prospect.example.com", true, true, true)));
            assertThat(s.codes(enroll("c-1", SEQ, "nobody@x.example.com"))).containsExactly(MAILBOX_NOT_FOUND);
        }

        @Test
        void optedOutBeforeDoNotEmailBeforeInvalidEmail() {
            Scenario s = Scenario.of(Fixtures.reference().person(person("broken", true, true, true)));
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(OPTED_OUT);
            s.reference = Fixtures.reference().person(person("broken", true, false, true)).build();
            assertThat(s.codes(enroll("c-2", SEQ))).containsExactly(DO_NOT_EMAIL);
        }

        @Test
        void optedOutPersonWithAnActiveEnrollmentGetsOptedOut() {
            // opted out by the CRM flag after enrolling: the active enrollment stays (no OptOut command here)
            Scenario s = Scenario.of(Fixtures.reference());
            s.enrolled(SEQ);
            s.reference = Fixtures.reference().person(person("p@prospect.example.com", false, true, false)).build();
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(OPTED_OUT);
        }

        @Test
        void invalidEmailBeforeActive() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.enrolled(SEQ);
            s.reference = Fixtures.reference().person(person("p@prospect.example.com", false, false, true)).build();
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(EMAIL_INVALID);
        }

        @Test
        void activeBeforeExclusion() {
            Scenario s = Scenario.of(Fixtures.reference());
            s.enrolled(SEQ);
            s.reference = Fixtures.reference().rule("r1", true, false).match(PERSON, "r1").build();
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(ALREADY_ENROLLED_ACTIVE);
        }

        @Test
        void recentlyEnrolledBeforeExclusion() {
            Scenario s = Scenario.of(Fixtures.reference().ruleset("allow", true, true, 10).sequence(SEQ, true, "allow", 3));
            String first = s.enrolled(SEQ);
            s.steps(first, 1).unenroll(first);
            s.reference = Fixtures.reference().ruleset("allow", true, true, 10).sequence(SEQ, true, "allow", 3)
                    .rule("r1", true, false).match(PERSON, "r1").build();
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(RECENTLY_ENROLLED);
            s.advance(Duration.ofDays(10));
            assertThat(s.codes(enroll("c-2", SEQ))).containsExactly(EXCLUDED);
        }

        @Test
        void reenrollmentBeforeExclusion() {
            Scenario s = Scenario.of(Fixtures.reference());
            String first = s.enrolled(SEQ);
            s.steps(first, 1).unenroll(first);
            s.reference = Fixtures.reference().rule("r1", true, false).match(PERSON, "r1").build();
            assertThat(s.codes(enroll("c-1", SEQ))).containsExactly(ALREADY_ENROLLED_IN_THIS_SEQUENCE);
        }
    }

    @Nested
    class Eligibility {

        @Test
        void eligiblePersonHasNoReasons() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference().build());
            assertThat(EnrollChecks.eligibility(SEQ, Fixtures.empty(), ctx)).isEmpty();
            assertThat(EnrollChecks.eligibility(SEQ, List.of(MAIL_A), Fixtures.empty(), ctx)).isEmpty();
        }

        @Test
        void unknownSequenceListsOnlyThat() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference()
                    .person(person(null, true, true, true)).build());
            assertThat(EnrollChecks.eligibility("nope", Fixtures.empty(), ctx))
                    .extracting(Rejection::code).containsExactly(SEQUENCE_NOT_FOUND);
        }

        @Test
        void unknownPersonListsOnlyThat() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference().build());
            assertThat(EnrollChecks.eligibility(DRAFT_SEQ, PersonState.empty(ORG, "ghost"), ctx))
                    .extracting(Rejection::code).containsExactly(PERSON_NOT_FOUND);
        }

        @Test
        void bothUnknownListsBoth() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference().build());
            assertThat(EnrollChecks.eligibility("nope", PersonState.empty(ORG, "ghost"), ctx))
                    .extracting(Rejection::code).containsExactly(SEQUENCE_NOT_FOUND, PERSON_NOT_FOUND);
        }

        @Test
        void listsEveryFailingCheckInRuleBookOrder() {
            Scenario s = Scenario.of(Fixtures.reference()
                    .ruleset("allow-after-30", true, false, 30, "r-seq")
                    .sequence(DRAFT_SEQ, true, "allow-after-30", 3));
            String previous = s.enrolled(DRAFT_SEQ);
            s.steps(previous, 1).unenroll(previous);
            s.advance(Duration.ofDays(1));
            s.reference = Fixtures.reference()
                    .ruleset("allow-now", true, true, 0).sequence(SEQ_2, true, "allow-now", 2).build();
            String active = s.enrolled(SEQ_2);
            // now everything goes wrong at once
            s.reference = Fixtures.reference()
                    .ruleset("allow-after-30", true, false, 30, "r-seq")
                    .sequence(DRAFT_SEQ, false, "allow-after-30", 3)
                    .person(person("broken", true, true, true))
                    .rule("r-org", true, false).rule("r-seq", false, false).rule("r-off", false, true)
                    .match(PERSON, "r-org").match(PERSON, "r-seq").match(PERSON, "r-off").match(PERSON, "r-gone")
                    .build();

            List<Rejection> reasons = EnrollChecks.eligibility(DRAFT_SEQ, List.of("nobody@x.example.com"),
                    s.state, s.ctx());

            assertThat(reasons).extracting(Rejection::code).containsExactly(
                    SEQUENCE_NOT_PUBLISHED, MAILBOX_NOT_FOUND, OPTED_OUT, DO_NOT_EMAIL, EMAIL_INVALID,
                    ALREADY_ENROLLED_ACTIVE, ALREADY_ENROLLED_IN_THIS_SEQUENCE, RECENTLY_ENROLLED, EXCLUDED, EXCLUDED);
            assertThat(reasons.subList(8, 10)).extracting(Rejection::ruleId).containsExactly("r-org", "r-seq");
            assertThat(reasons).allSatisfy(r -> assertThat(r.message()).isNotBlank());
            // without candidates the mailbox check is skipped
            assertThat(EnrollChecks.eligibility(DRAFT_SEQ, s.state, s.ctx())).extracting(Rejection::code)
                    .doesNotContain(MAILBOX_NOT_FOUND).hasSize(9);
            // and Enroll itself reports only the first
            assertThat(s.codes(enroll("c-x", DRAFT_SEQ, "nobody@x.example.com"))).containsExactly(SEQUENCE_NOT_PUBLISHED);
            assertThat(s.state.active()).map(Enrollment::id).contains(active);
        }

        @Test
        void decideReportsOnlyTheFirstOfThoseFailures() {
            DecisionContext ctx = new DecisionContext(T0, Fixtures.reference()
                    .person(person("broken", true, true, true)).build());
            assertThat(EnrollChecks.eligibility(DRAFT_SEQ, Fixtures.empty(), ctx)).extracting(Rejection::code)
                    .containsExactly(SEQUENCE_NOT_PUBLISHED, OPTED_OUT, DO_NOT_EMAIL, EMAIL_INVALID);
            List<EnrollmentEvent> events = EnrollmentDecider.decide(enroll("c-1", DRAFT_SEQ), Fixtures.empty(), ctx);
            assertThat(((EnrollmentRejected) events.get(0)).reasons()).extracting(Rejection::code)
                    .containsExactly(SEQUENCE_NOT_PUBLISHED);
        }

        @Test
        void eligibilityIsPureAndDoesNotChangeState() {
            Scenario s = Scenario.of(Fixtures.reference());
            PersonState before = s.state;
            EnrollChecks.eligibility(SEQ, s.state, s.ctx());
            assertThat(s.state).isSameAs(before);
        }
    }
}
