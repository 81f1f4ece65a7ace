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
    void aRetryIsAnsweredFromTheRecentCommandEvenAfterTheStateMovedOn() {
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand.Enroll command = enroll("c-1", SEQ);
        s.run(command);
        String id = Ids.enrollmentId(ORG, "c-1");
        s.unenroll(id);
        s.advance(Duration.ofDays(400));
        assertThat(s.run(command)).isEmpty();
        assertThat(s.state.recent("c-1")).contains(new RecentCommand("c-1", List.of(id), List.of(), null, null));
    }

    @Test
    void aRejectedCommandIsRememberedWithItsRejections() {
        Scenario s = Scenario.of(Fixtures.reference());
        EnrollmentCommand.Enroll command = enroll("c-1", "no-such-sequence");
        s.run(command);
        assertThat(s.state.recent("c-1")).contains(new RecentCommand("c-1", List.of(),
                List.of(Rejection.of(RejectionCode.SEQUENCE_NOT_FOUND)), null, null));
        assertThat(s.run(command)).isEmpty();
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
            assertThat(s.run(c)).as("replayed %s", c).isEmpty();
            assertThat(s.state).isEqualTo(after);
        }
    }

    @Test
    void recentCommandsRecordTouchedEnrollmentsAndRejections() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        CommandMeta optOut = s.meta();
        s.run(new EnrollmentCommand.OptOut(optOut, OptOutSource.ADMIN));
        assertThat(s.state.recent(optOut.commandId())).contains(
                new RecentCommand(optOut.commandId(), List.of(id), List.of(), null, null));

        CommandMeta conflict = s.meta();
        s.run(new EnrollmentCommand.Unenroll(conflict, id));
        assertThat(s.state.recent(conflict.commandId())).contains(new RecentCommand(conflict.commandId(), List.of(id),
                List.of(Rejection.of(RejectionCode.ENROLLMENT_NOT_ACTIVE)), null, null));
    }

    @Test
    void aCommandWithTwoEventsIsOneRecentCommand() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ_2);
        s.steps(id, 1);
        CommandMeta last = s.meta();
        assertThat(s.run(new EnrollmentCommand.CompleteStep(last, id, 1))).hasSize(2);
        assertThat(s.state.recentCommands()).filteredOn(c -> c.commandId().equals(last.commandId()))
                .singleElement().extracting(RecentCommand::enrollmentIds).isEqualTo(List.of(id));
    }

    @Test
    void noOpCommandsAreNotRemembered() {
        Scenario s = Scenario.of(Fixtures.reference());
        String id = s.enrolled(SEQ);
        CommandMeta noop = s.meta();
        assertThat(s.run(new EnrollmentCommand.Unblock(noop, id))).isEmpty();
        assertThat(s.state.recent(noop.commandId())).isEmpty();
    }

    @Test
    void onlyTheLatestCommandsAreKept() {
        Scenario s = Scenario.of(Fixtures.reference());
        int total = PersonState.RECENT_COMMANDS_KEPT + 10;
        for (int i = 0; i < total; i++) {
            s.run(new EnrollmentCommand.Unenroll(Fixtures.meta("c-" + i), "nope"));
        }
        assertThat(s.state.recentCommands()).hasSize(PersonState.RECENT_COMMANDS_KEPT);
        assertThat(s.state.recentCommands().get(0).commandId()).isEqualTo("c-10");
        assertThat(s.state.recentCommands().get(PersonState.RECENT_COMMANDS_KEPT - 1).commandId())
                .isEqualTo("c-" + (total - 1));
        assertThat(s.state.recent("c-9")).isEmpty();
        assertThat(s.run(new EnrollmentCommand.Unenroll(Fixtures.meta("c-9"), "nope"))).hasSize(1);
        assertThat(s.run(new EnrollmentCommand.Unenroll(Fixtures.meta("c-10"), "nope"))).hasSize(1);
        assertThat(s.run(new EnrollmentCommand.Unenroll(Fixtures.meta("c-100"), "nope"))).isEmpty();
    }

    @Test
    void anEnrollWhoseIdLeftTheWindowStillDoesNotEnrollTwice() {
        Scenario s = Scenario.of(Fixtures.reference().ruleset("open", true, true, 0).sequence(SEQ, true, "open", 3));
        EnrollmentCommand.Enroll first = enroll("c-first", SEQ);
        s.run(first);
        s.unenroll(Ids.enrollmentId(ORG, "c-first"));
        for (int i = 0; i < PersonState.RECENT_COMMANDS_KEPT; i++) {
            s.run(new EnrollmentCommand.Unenroll(Fixtures.meta("filler-" + i), "nope"));
        }
        assertThat(s.state.recent("c-first")).isEmpty();
        assertThat(s.run(first)).isEmpty();
        assertThat(s.state.enrollments()).hasSize(1);
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
                    PERSON, s.now));
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
        EventMeta meta = new EventMeta("e-1", "c-1", ORG, PERSON, T0);
        for (EnrollmentEvent event : List.<EnrollmentEvent>of(
                new StepCompleted(meta, "ghost", 0),
                new Paused(meta, "ghost", PauseReason.MANUAL, null),
                new Unenrolled(meta, "ghost", FinishReason.UNENROLLED, true),
                new EnrollmentEvent.Completed(meta, "ghost"),
                new EnrollmentEvent.Excluded(meta, "ghost", List.of()),
                new EnrollmentEvent.MailboxReassigned(meta, "ghost", "a", "b"),
                new EnrollmentEvent.OptedOut(meta, OptOutSource.CRM, List.of("ghost")))) {
            PersonState next = EnrollmentDecider.evolve(empty, event);
            assertThat(next.enrollments()).as("%s", event).isEmpty();
            assertThat(next.recent("c-1")).as("%s", event).isPresent();
        }
    }

    @Test
    void anEnrolledEventForAnExistingIdIsIgnored() {
        EventMeta m1 = new EventMeta("e-1", "c-1", ORG, PERSON, T0);
        EventMeta m2 = new EventMeta("e-2", "c-2", ORG, PERSON, T0.plusSeconds(5));
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
