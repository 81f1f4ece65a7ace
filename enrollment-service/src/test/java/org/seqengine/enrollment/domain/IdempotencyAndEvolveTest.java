package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.MB_B;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;
import static org.seqengine.enrollment.domain.Fixtures.T0;
import static org.seqengine.enrollment.domain.Fixtures.enroll;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.EnrollmentEvent.Paused;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepCompleted;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;

class IdempotencyAndEvolveTest {

    @Test
    void theSameEnrollTwiceYieldsNothingTheSecondTime() {
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand.Enroll command = enroll("c-1", SEQ);
        assertThat(s.run(command)).hasSize(1);
        PersonState after = s.state;

        assertThat(s.run(command)).isEmpty();
        assertThat(s.state).isEqualTo(after);
        assertThat(s.state.enrollments()).hasSize(1);
    }

    @Test
    void aRetryIsAnsweredWithTheFirstOutcomeEvenAfterTheStateMovedOn() {
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand.Enroll command = enroll("c-1", SEQ);
        s.run(command);
        String id = Ids.enrollmentId(ORG, "c-1");
        s.unenroll(id);
        s.advance(Duration.ofDays(400));
        assertThat(s.run(command)).isEmpty();
        assertThat(s.last.duplicate()).isTrue();
        assertThat(s.last.outcome()).isEqualTo(new CommandOutcome("c-1", List.of(id), List.of(), null, null));
    }

    @Test
    void aRejectedCommandIsRememberedWithItsRejections() {
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand.Enroll command = enroll("c-1", "no-such-sequence");
        s.run(command);
        CommandOutcome first = new CommandOutcome("c-1", List.of(),
                List.of(Rejection.of(RejectionCode.SEQUENCE_NOT_FOUND)), null, null);
        assertThat(s.outcome("c-1")).contains(first);
        assertThat(s.run(command)).isEmpty();
        assertThat(s.last.outcome()).isEqualTo(first);
    }

    @Test
    void everyKindOfCommandIsIdempotent() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        List<EnrollmentCommand> commands = List.of(
                new EnrollmentCommand.ReassignMailbox(s.meta(), id, MB_B),
                new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_PAUSED),
                new EnrollmentCommand.Unblock(s.meta(), id),
                new EnrollmentCommand.Pause(s.meta(), id),
                new EnrollmentCommand.Resume(s.meta(), id),
                new EnrollmentCommand.CompleteStep(s.meta(), id, 0),
                new EnrollmentCommand.RecordReply(s.meta(), id, "r", "s", ReplyClassification.AUTOMATED, T0, null),
                new EnrollmentCommand.Resume(s.meta(), id),
                new EnrollmentCommand.Resume(s.meta(), id), // rejected: not paused
                new EnrollmentCommand.Unenroll(s.meta(), id),
                new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK),
                new EnrollmentCommand.ClearOptOut(s.meta(), " "),
                new EnrollmentCommand.ClearOptOut(s.meta(), "consent"),
                new EnrollmentCommand.Bounce(s.meta(), "nope"));
        for (EnrollmentCommand c : commands) {
            assertThat(s.run(c)).as("first %s", c).isNotEmpty();
            PersonState after = s.state;
            CommandOutcome first = s.last.outcome();
            assertThat(s.run(c)).as("replayed %s", c).isEmpty();
            assertThat(s.state).isEqualTo(after);
            assertThat(s.last.outcome()).isEqualTo(first);
        }
    }

    @Test
    void outcomesRecordTouchedEnrollmentsAndRejections() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        CommandMeta optOut = s.meta();
        s.run(new EnrollmentCommand.OptOut(optOut, OptOutSource.ADMIN));
        assertThat(s.outcome(optOut.commandId())).contains(
                new CommandOutcome(optOut.commandId(), List.of(id), List.of(), null, null));

        CommandMeta conflict = s.meta();
        s.run(new EnrollmentCommand.Unenroll(conflict, id));
        assertThat(s.outcome(conflict.commandId())).contains(new CommandOutcome(conflict.commandId(), List.of(id),
                List.of(Rejection.of(RejectionCode.ENROLLMENT_NOT_ACTIVE)), null, null));
    }

    @Test
    void aCommandWithTwoEventsIsOneOutcome() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ_2);
        s.steps(id, 1);
        CommandMeta last = s.meta();
        assertThat(s.run(new EnrollmentCommand.CompleteStep(last, id, 1))).hasSize(2);
        assertThat(s.outcome(last.commandId())).get().extracting(CommandOutcome::enrollmentIds).isEqualTo(List.of(id));
    }

    @Test
    void aNoOpIsRememberedSoADelayedRetryChangesNothingLater() {
        // unenroll-person while nothing is active, then an enrollment, then the retry of the no-op
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand unenrollAll = new EnrollmentCommand.UnenrollPerson(Fixtures.meta("k-unenroll"));
        assertThat(s.run(unenrollAll)).isEmpty();
        assertThat(s.outcome("k-unenroll")).contains(new CommandOutcome("k-unenroll", List.of(), List.of(), null, null));
        String id = s.enrolled(SEQ);
        assertThat(s.run(unenrollAll)).isEmpty();
        assertThat(s.last.duplicate()).isTrue();
        assertThat(s.enrollment(id).isActive()).isTrue();
    }

    @Test
    void pauseWhenPausedAndOptOutWhenOptedOutAreRememberedNoOps() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        s.run(new EnrollmentCommand.Pause(s.meta(), id));
        EnrollmentCommand pauseAgain = new EnrollmentCommand.Pause(Fixtures.meta("k-pause"), id);
        assertThat(s.run(pauseAgain)).isEmpty();
        s.run(new EnrollmentCommand.Resume(s.meta(), id));
        assertThat(s.run(pauseAgain)).as("a retry of the no-op pause").isEmpty();
        assertThat(s.enrollment(id).isPaused()).isFalse();

        s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.ADMIN));
        EnrollmentCommand optOutAgain = new EnrollmentCommand.OptOut(Fixtures.meta("k-opt-out"), OptOutSource.API);
        assertThat(s.run(optOutAgain)).isEmpty();
        s.run(new EnrollmentCommand.ClearOptOut(s.meta(), "said yes on the phone"));
        assertThat(s.run(optOutAgain)).as("a retry of the no-op opt-out").isEmpty();
        assertThat(s.state.optedOut()).isFalse();
    }

    @Test
    void anEnrollRetriedAfterItsOutcomeExpiredAnswersTheEnrollmentItCreated() {
        Scenario s = Scenario.of(Fixtures.reference().ruleset("open", true, true, 0).sequence(SEQ, true, "open", 3));
        EnrollmentCommand.Enroll first = enroll("c-first", SEQ);
        s.run(first);
        String id = Ids.enrollmentId(ORG, "c-first");
        s.unenroll(id);
        s.forget("c-first");
        assertThat(s.run(first)).isEmpty();
        assertThat(s.last.duplicate()).isFalse();
        assertThat(s.last.outcome().enrollmentIds()).containsExactly(id);
        assertThat(s.last.outcome().rejections()).isEmpty();
        assertThat(s.state.enrollments()).hasSize(1);
    }

    @Test
    void otherCommandsAreDecidedAgainAfterTheirOutcomeExpired() {
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand bad = new EnrollmentCommand.Unenroll(Fixtures.meta("c-9"), "nope");
        assertThat(s.run(bad)).hasSize(1);
        assertThat(s.run(bad)).isEmpty();
        s.forget("c-9");
        assertThat(s.run(bad)).hasSize(1);
    }

    @Test
    void decideIsDeterministic() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        EnrollmentCommand c = new EnrollmentCommand.RecordReply(s.meta(), id, "r", "s", ReplyClassification.AUTOMATED,
                T0, null);
        assertThat(EnrollmentDecider.decide(c, s.state, s.ctx())).isEqualTo(EnrollmentDecider.decide(c, s.state, s.ctx()));
        List<EnrollmentEvent> events = EnrollmentDecider.decide(c, s.state, s.ctx());
        for (int i = 0; i < events.size(); i++) {
            EventMeta m = events.get(i).meta();
            assertThat(m).isEqualTo(new EventMeta(Ids.eventId(c.meta().commandId(), i), c.meta().commandId(), ORG,
                    PERSON, s.now, "tester"));
        }
    }

    @Test
    void replayingTheLogFromEmptyRebuildsTheState() {
        Scenario s = Scenario.of(Fixtures.reference().ruleset("open", true, true, 0).sequence(SEQ, true, "open", 3));
        String a = s.enrolled(SEQ);
        s.steps(a, 1);
        s.run(new EnrollmentCommand.Block(s.meta(), a, BlockReason.MISSING_VARIABLES));
        s.advance(Duration.ofHours(2)).unenroll(a);
        String b = s.enrolled(SEQ);
        s.run(new EnrollmentCommand.RecordReply(s.meta(), b, "r", "s", ReplyClassification.AUTOMATED, s.now, null));
        s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
        s.run(enroll("rejected", SEQ));

        assertThat(EnrollmentDecider.evolveAll(Fixtures.empty(), s.log)).isEqualTo(s.state);
    }

    @Test
    void evolveIsTotalForUnknownEnrollments() {
        PersonState empty = Fixtures.empty();
        EventMeta meta = new EventMeta("e-1", "c-1", ORG, PERSON, T0, "tester");
        for (EnrollmentEvent event : List.<EnrollmentEvent>of(
                new StepCompleted(meta, "ghost", 0),
                new Paused(meta, "ghost", PauseReason.MANUAL, null),
                new Unenrolled(meta, "ghost", FinishReason.UNENROLLED, true),
                new EnrollmentEvent.Completed(meta, "ghost"),
                new EnrollmentEvent.Excluded(meta, "ghost", List.of()),
                new EnrollmentEvent.MailboxReassigned(meta, "ghost", "a", "b"),
                new EnrollmentEvent.Reopened(meta, "ghost", 1, "r1", null),
                new EnrollmentEvent.OptedOut(meta, OptOutSource.CRM, List.of("ghost")))) {
            PersonState next = EnrollmentDecider.evolve(empty, event);
            assertThat(next.enrollments()).as("%s", event).isEmpty();
        }
    }

    @Test
    void anEnrolledEventForAnExistingIdIsIgnored() {
        EventMeta m1 = new EventMeta("e-1", "c-1", ORG, PERSON, T0, "tester");
        EventMeta m2 = new EventMeta("e-2", "c-2", ORG, PERSON, T0.plusSeconds(5), "tester");
        PersonState s = EnrollmentDecider.evolveAll(Fixtures.empty(), List.of(
                new Enrolled(m1, "enr-1", SEQ, "mb", 0),
                new Enrolled(m2, "enr-1", SEQ_2, "mb", 0)));
        assertThat(s.enrollments()).singleElement().extracting(Enrollment::sequenceId).isEqualTo(SEQ);
    }

    @Test
    void evolveKeepsEnrollmentsOldestFirst() {
        Scenario s = Scenario.of(Fixtures.reference().ruleset("open", true, true, 0).sequence(SEQ, true, "open", 3));
        String a = s.enrolled(SEQ);
        s.unenroll(a);
        String b = s.enrolled(SEQ_2);
        s.unenroll(b);
        String c = s.enrolled(SEQ);
        assertThat(s.state.enrollments()).extracting(Enrollment::id).containsExactly(a, b, c);
    }
}
