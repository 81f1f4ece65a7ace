package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_A;
import static org.seqengine.enrollment.domain.Fixtures.MB_A;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentEvent.Blocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.BounceStopped;
import org.seqengine.enrollment.domain.EnrollmentEvent.Excluded;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepDispatched;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unblocked;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.enrollment.domain.reference.StepType;

/** DispatchStep: the send-time checks, each outcome, their order, and what happens around a step in flight. */
class DispatchStepTest {

    /** An email step with variables of the person record, then a task, then an email. */
    static final List<Step> STEPS = List.of(
            new Step(StepType.EMAIL, 0, "Hi {{first_name}}", "About {{company_domain}}, {{attributes.title}}"),
            new Step(StepType.TASK, 2, null, "Call {{first_name}} {{last_name}}"),
            new Step(StepType.EMAIL, 3, "Following up", "Bye"));

    static Person person(String email, boolean highBounceRisk, Map<String, String> attributes) {
        return new Person(ORG, PERSON, email, "Ada", "Lovelace", null, "prospect.example.com", false, false,
                highBounceRisk, attributes);
    }

    static final Person GOOD = person("ada@prospect.example.com", false, Map.of("title", "CTO"));

    /** Reference data where every check passes, changed by {@code change}. */
    static InMemoryReferenceData.Builder reference(UnaryOperator<InMemoryReferenceData.Builder> change) {
        return change.apply(Fixtures.reference()
                .sequence(new Sequence(ORG, SEQ, "Sequence", true, false, null, STEPS))
                .person(GOOD)
                .rule("rule-x", true, false));
    }

    static InMemoryReferenceData.Builder reference() {
        return reference(UnaryOperator.identity());
    }

    static Mailbox mailbox(boolean paused, boolean unauthorized) {
        return new Mailbox(ORG, MB_A, MAIL_A, "Alice", "owner-a", paused, unauthorized);
    }

    private Scenario s;
    private String id;

    @BeforeEach
    void enrolled() {
        s = Scenario.of(reference());
        id = s.enrolled(SEQ);
        s.advance(Duration.ofMinutes(5));
    }

    private Enrollment e() {
        return s.enrollment(id);
    }

    private StepDispatched dispatched(int step, int attempt, List<EnrollmentEvent> events) {
        assertThat(events).last().isInstanceOf(StepDispatched.class);
        StepDispatched d = (StepDispatched) events.get(events.size() - 1);
        assertThat(d.stepIndex()).isEqualTo(step);
        assertThat(d.attempt()).isEqualTo(attempt);
        assertThat(d.sendRequestId()).isEqualTo(Ids.sendRequestId(id, step));
        assertThat(d.mailboxId()).isEqualTo(MB_A);
        return d;
    }

    @Nested
    class Dispatched {

        @Test
        void aStepThatPassesEveryCheckIsDispatchedAndInFlight() {
            StepDispatched d = dispatched(0, 1, s.dispatch(id, 0, 1));

            assertThat(d.stepType()).isEqualTo(StepType.EMAIL);
            assertThat(e().dispatchedStepIndex()).isEqualTo(0);
            assertThat(e().dispatchedRequestId()).isEqualTo(d.sendRequestId());
            assertThat(e().nextStepIndex()).isZero();
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.QUEUED);
        }

        @Test
        void completingTheStepClearsTheFlightAndStampsLastStepAtAndStartedAtOnce() {
            s.dispatch(id, 0, 1);
            s.advance(Duration.ofMinutes(1));
            s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 0));
            var firstCompletion = s.now;

            assertThat(e().dispatchedStepIndex()).isNull();
            assertThat(e().dispatchedRequestId()).isNull();
            assertThat(e().lastStepAt()).isEqualTo(firstCompletion);
            assertThat(e().startedAt()).isEqualTo(firstCompletion);
            assertThat(e().nextStepIndex()).isEqualTo(1);
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.STARTED);

            s.advance(Duration.ofDays(2));
            assertThat(dispatched(1, 1, s.dispatch(id, 1, 1)).stepType()).isEqualTo(StepType.TASK);
            s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 1));
            assertThat(e().lastStepAt()).isEqualTo(s.now);
            assertThat(e().startedAt()).isEqualTo(firstCompletion);
        }

        @Test
        void aSecondDispatchOfTheStepInFlightDoesNothing() {
            s.dispatch(id, 0, 1);
            Enrollment inFlight = e();

            assertThat(s.dispatch(id, 0, 2)).isEmpty();
            assertThat(s.dispatch(id, 1, 1)).isEmpty();
            assertThat(e()).isEqualTo(inFlight);
        }

        @Test
        void aTaskStepIsDispatchedWhateverItsVariables() {
            s.reference(reference(r -> r.person(person("ada@prospect.example.com", false, Map.of()))));
            s.steps(id, 1);

            assertThat(dispatched(1, 1, s.dispatch(id, 1, 1)).stepType()).isEqualTo(StepType.TASK);
        }
    }

    @Nested
    class Nothing {

        @Test
        void forAnUnknownEnrollmentWithoutARejection() {
            assertThat(s.dispatch("no-such-enrollment", 0, 1)).isEmpty();
            assertThat(s.last.outcome().rejections()).isEmpty();
        }

        @Test
        void forAFinishedEnrollment() {
            s.unenroll(id);
            assertThat(s.dispatch(id, 0, 1)).isEmpty();
        }

        @Test
        void forAPausedEnrollment() {
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            assertThat(s.dispatch(id, 0, 1)).isEmpty();
        }

        @Test
        void forAnotherStepThanTheNextOne() {
            assertThat(s.dispatch(id, 1, 1)).isEmpty();
            s.steps(id, 1);
            assertThat(s.dispatch(id, 0, 1)).isEmpty();
        }

        @Test
        void whileTheSequenceIsPaused() {
            s.reference(reference(r -> r.sequence(new Sequence(ORG, SEQ, "Sequence", true, true, null, STEPS))));
            assertThat(s.dispatch(id, 0, 1)).isEmpty();
        }

        @Test
        void forAStepPastTheEndOfItsVersion() {
            s.steps(id, 3);
            assertThat(s.dispatch(id, 3, 1)).isEmpty();
        }
    }

    @Nested
    class Outcomes {

        @Test
        void aQueuedPersonMatchingAnApplyingExclusionIsExcludedAtSendTime() {
            s.reference(reference(r -> r.match(PERSON, "rule-x")));

            List<EnrollmentEvent> events = s.dispatch(id, 0, 1);

            assertThat(events).singleElement().isInstanceOf(Excluded.class);
            assertThat(((Excluded) events.get(0)).matches()).extracting(m -> m.ruleId()).containsExactly("rule-x");
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.EXCLUDED);
        }

        @Test
        void aStartedEnrollmentIsExcludedOnlyByRulesThatRemoveFromActiveSequences() {
            s.steps(id, 1);
            s.reference(reference(r -> r.match(PERSON, "rule-x")));
            assertThat(dispatched(1, 1, s.dispatch(id, 1, 1)).stepType()).isEqualTo(StepType.TASK);
            s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 1));

            s.reference(reference(r -> r.rule("rule-x", true, true).match(PERSON, "rule-x")));
            assertThat(s.dispatch(id, 2, 1)).singleElement().isInstanceOf(Excluded.class);
        }

        @Test
        void anInvalidAddressIsBounceStopped() {
            s.reference(reference(r -> r.person(person("not-an-address", false, Map.of("title", "CTO")))));
            assertThat(s.dispatch(id, 0, 1)).singleElement().isInstanceOf(BounceStopped.class);
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.BOUNCE_STOPPED);
        }

        @Test
        void aHighBounceRiskAddressIsBounceStopped() {
            s.reference(reference(r -> r.person(person("ada@prospect.example.com", true, Map.of("title", "CTO")))));
            assertThat(s.dispatch(id, 0, 1)).singleElement().isInstanceOf(BounceStopped.class);
        }

        @Test
        void anUnauthorizedMailboxBlocks() {
            s.reference(reference(r -> r.mailbox(mailbox(false, true))));
            assertThat(blocked(s.dispatch(id, 0, 1))).isEqualTo(BlockReason.MAILBOX_UNAUTHORIZED);
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.BLOCKED);
            assertThat(e().hasStepInFlight()).isFalse();
        }

        @Test
        void aPausedMailboxBlocks() {
            s.reference(reference(r -> r.mailbox(mailbox(true, false))));
            assertThat(blocked(s.dispatch(id, 0, 1))).isEqualTo(BlockReason.MAILBOX_PAUSED);
        }

        @Test
        void aMissingValueBlocksWithTheVariables() {
            s.reference(reference(r -> r.person(person("ada@prospect.example.com", false, Map.of()))));

            List<EnrollmentEvent> events = s.dispatch(id, 0, 1);

            assertThat(blocked(events)).isEqualTo(BlockReason.MISSING_VARIABLES);
            assertThat(((Blocked) events.get(0)).variables()).containsExactly("attributes.title");
            assertThat(e().blockReason()).isEqualTo(BlockReason.MISSING_VARIABLES);
            assertThat(e().blockedVariables()).containsExactly("attributes.title");
        }

        @Test
        void anUnknownVariableBlocksAsInvalidEvenWithMissingOnes() {
            List<Step> broken = List.of(new Step(StepType.EMAIL, 0, "Hi {{nickname}}", "{{attributes.title}}"));
            s.reference(reference(r -> r.person(person("ada@prospect.example.com", false, Map.of()))
                    .sequence(new Sequence(ORG, SEQ, "Sequence", true, false, null, broken))));

            List<EnrollmentEvent> events = s.dispatch(id, 0, 1);

            assertThat(blocked(events)).isEqualTo(BlockReason.INVALID_VARIABLES);
            assertThat(((Blocked) events.get(0)).variables()).containsExactly("nickname", "attributes.title");
        }

        private BlockReason blocked(List<EnrollmentEvent> events) {
            assertThat(events).singleElement().isInstanceOf(Blocked.class);
            return ((Blocked) events.get(0)).blockReason();
        }
    }

    /**
     * The order: starting from data that fails every check, each fix reveals the next outcome
     * (excluded, bounce stopped, unauthorized, paused mailbox, variables, dispatched).
     */
    @Test
    void theChecksRunInTheirOrder() {
        Person bad = person("ada@prospect.example.com", true, Map.of());
        List<UnaryOperator<InMemoryReferenceData.Builder>> stages = List.of(
                r -> r.person(bad).mailbox(mailbox(true, true)).match(PERSON, "rule-x"),
                r -> r.person(bad).mailbox(mailbox(true, true)),
                r -> r.person(person("ada@prospect.example.com", false, Map.of())).mailbox(mailbox(true, true)),
                r -> r.person(person("ada@prospect.example.com", false, Map.of())).mailbox(mailbox(true, false)),
                r -> r.person(person("ada@prospect.example.com", false, Map.of())),
                r -> r);
        List<String> outcomes = stages.stream().map(stage -> {
            Scenario fresh = Scenario.of(reference());
            String enrollment = fresh.enrolled(SEQ);
            fresh.reference(reference(stage));
            return fresh.dispatch(enrollment, 0, 1).stream().map(DispatchStepTest::describe).toList().toString();
        }).toList();

        assertThat(outcomes).containsExactly("[Excluded]", "[BounceStopped]", "[Blocked MAILBOX_UNAUTHORIZED]",
                "[Blocked MAILBOX_PAUSED]", "[Blocked MISSING_VARIABLES]", "[StepDispatched]");
    }

    static String describe(EnrollmentEvent e) {
        return e instanceof Blocked b ? "Blocked " + b.blockReason() : e.getClass().getSimpleName();
    }

    @Nested
    class BlockedAndFixed {

        @Test
        void theSameCauseFoundAgainEmitsNothing() {
            s.reference(reference(r -> r.mailbox(mailbox(true, false))));
            s.dispatch(id, 0, 1);

            assertThat(s.dispatch(id, 0, 2)).isEmpty();
            assertThat(e().blockReason()).isEqualTo(BlockReason.MAILBOX_PAUSED);
        }

        @Test
        void anotherCauseReplacesTheBlock() {
            s.reference(reference(r -> r.mailbox(mailbox(true, false))));
            s.dispatch(id, 0, 1);
            s.reference(reference(r -> r.mailbox(mailbox(false, true))));

            assertThat(s.dispatch(id, 0, 2)).singleElement().isInstanceOf(Blocked.class);
            assertThat(e().blockReason()).isEqualTo(BlockReason.MAILBOX_UNAUTHORIZED);
        }

        @Test
        void aResumedMailboxUnblocksAndDispatchesAtomically() {
            s.reference(reference(r -> r.mailbox(mailbox(true, false))));
            s.dispatch(id, 0, 1);
            s.reference(reference());

            List<EnrollmentEvent> events = s.dispatch(id, 0, 2);

            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(Unblocked.class);
            dispatched(0, 2, events);
            assertThat(e().blockReason()).isNull();
            assertThat(e().hasStepInFlight()).isTrue();
        }

        @Test
        void aPersonRecordThatGainsTheValueUnblocksWithNoVariablesLeft() {
            s.reference(reference(r -> r.person(person("ada@prospect.example.com", false, Map.of()))));
            s.dispatch(id, 0, 1);
            s.reference(reference());

            assertThat(s.dispatch(id, 0, 2)).extracting(DispatchStepTest::describe)
                    .containsExactly("Unblocked", "StepDispatched");
            assertThat(e().blockedVariables()).isEmpty();
        }

        @Test
        void aMailboxFailureWhileInFlightFreesTheStepForTheNextAttempt() {
            s.dispatch(id, 0, 1);
            s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_FAILURE));
            assertThat(e().hasStepInFlight()).isFalse();

            assertThat(s.dispatch(id, 0, 2)).extracting(DispatchStepTest::describe)
                    .containsExactly("Unblocked", "StepDispatched");
        }
    }

    @Nested
    class OptOutRace {

        @Test
        void anOptOutDecidedBeforeTheDispatchWins() {
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));

            assertThat(s.dispatch(id, 0, 1)).isEmpty();
            assertThat(e().finishReason()).isEqualTo(FinishReason.OPTED_OUT);
            assertThat(e().hasStepInFlight()).isFalse();
        }

        @Test
        void anOptOutAfterTheDispatchEndsTheEnrollmentAndNothingMoreIsDispatched() {
            s.dispatch(id, 0, 1);
            assertThat(s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK)))
                    .singleElement().isInstanceOf(OptedOut.class);

            assertThat(e().isActive()).isFalse();
            assertThat(e().hasStepInFlight()).isFalse();
            assertThat(s.dispatch(id, 0, 2)).isEmpty();
            assertThat(s.dispatch(id, 1, 1)).isEmpty();
        }
    }
}
