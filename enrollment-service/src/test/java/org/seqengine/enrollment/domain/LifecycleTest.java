package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.MB_A;
import static org.seqengine.enrollment.domain.Fixtures.MB_B;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;
import static org.seqengine.enrollment.domain.Fixtures.enroll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqengine.enrollment.domain.EnrollmentEvent.Blocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.BounceStopped;
import org.seqengine.enrollment.domain.EnrollmentEvent.Bounced;
import org.seqengine.enrollment.domain.EnrollmentEvent.Completed;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.EnrollmentEvent.MailboxReassigned;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptOutCleared;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.EnrollmentEvent.Paused;
import org.seqengine.enrollment.domain.EnrollmentEvent.Replied;
import org.seqengine.enrollment.domain.EnrollmentEvent.Resumed;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepCompleted;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unblocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;

/** The status model: every lifecycle command, its events, and the resulting display status. */
class LifecycleTest {

    private Scenario s;
    private String id;

    @BeforeEach
    void enrolled() {
        s = Scenario.of(Fixtures.reference());
        id = s.enrolled(SEQ);
        s.advance(Duration.ofHours(1));
    }

    private Enrollment e() {
        return s.enrollment(id);
    }

    private void assertFinished(FinishReason reason, DisplayStatus display) {
        Enrollment e = e();
        assertThat(e.isActive()).isFalse();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.FINISHED);
        assertThat(e.finishReason()).isEqualTo(reason);
        assertThat(e.displayStatus()).isEqualTo(display);
        assertThat(e.endedAt()).isEqualTo(s.now);
        assertThat(e.updatedAt()).isEqualTo(s.now);
        assertThat(e.pauseReason()).isNull();
        assertThat(e.blockReason()).isNull();
        assertThat(e.resumeAt()).isNull();
        assertThat(s.state.active()).isEmpty();
    }

    /** Every enrollment command, aimed at an enrollment id. */
    static Stream<Arguments> enrollmentCommands() {
        List<BiFunction<CommandMeta, String, EnrollmentCommand>> commands = List.of(
                EnrollmentCommand.Unenroll::new,
                EnrollmentCommand.Pause::new,
                EnrollmentCommand.Resume::new,
                (m, id) -> new EnrollmentCommand.CompleteStep(m, id, 0),
                (m, id) -> new EnrollmentCommand.Block(m, id, BlockReason.MISSING_VARIABLES),
                EnrollmentCommand.Unblock::new,
                EnrollmentCommand.Bounce::new,
                EnrollmentCommand.StopForBounceRisk::new,
                (m, id) -> new EnrollmentCommand.RecordReply(m, id, "r", "Re: hi", ReplyClassification.POSITIVE,
                        Fixtures.T0, null),
                (m, id) -> new EnrollmentCommand.ReassignMailbox(m, id, MB_B));
        return commands.stream().map(c -> Arguments.of(c.apply(Fixtures.meta("x"), "x").getClass().getSimpleName(), c));
    }

    @ParameterizedTest(name = "{0} on an unknown enrollment")
    @MethodSource("enrollmentCommands")
    void unknownEnrollmentIsNotFound(String type, BiFunction<CommandMeta, String, EnrollmentCommand> command) {
        List<EnrollmentEvent> events = s.run(command.apply(s.meta(), "no-such-enrollment"));
        assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r -> {
            assertThat(r.commandType()).isEqualTo(type);
            assertThat(r.enrollmentId()).isEqualTo("no-such-enrollment");
            assertThat(r.sequenceId()).isNull();
            assertThat(r.reasons()).containsExactly(Rejection.of(RejectionCode.ENROLLMENT_NOT_FOUND));
        });
        assertThat(e().isActive()).isTrue();
    }

    @ParameterizedTest(name = "{0} on a finished enrollment")
    @MethodSource("enrollmentCommands")
    void finishedEnrollmentIsNotActive(String type, BiFunction<CommandMeta, String, EnrollmentCommand> command) {
        if (type.equals("Bounce") || type.equals("RecordReply")) {
            return; // recorded on a finished enrollment: see LateOutcomesTest
        }
        s.unenroll(id);
        Enrollment before = e();
        List<EnrollmentEvent> events = s.run(command.apply(s.meta(), id));
        assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r -> {
            assertThat(r.commandType()).isEqualTo(type);
            assertThat(r.enrollmentId()).isEqualTo(id);
            assertThat(r.sequenceId()).isEqualTo(SEQ);
            assertThat(r.reasons()).extracting(Rejection::code).containsExactly(RejectionCode.ENROLLMENT_NOT_ACTIVE);
        });
        assertThat(e()).isEqualTo(before);
    }

    @Nested
    class Unenroll {

        @Test
        void queuedBecomesCanceled() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.Unenroll(s.meta(), id));
            assertThat(events).singleElement().isInstanceOfSatisfying(Unenrolled.class, u -> {
                assertThat(u.finishReason()).isEqualTo(FinishReason.UNENROLLED);
                assertThat(u.canceled()).isTrue();
            });
            assertFinished(FinishReason.UNENROLLED, DisplayStatus.CANCELED);
            assertThat(e().canceled()).isTrue();
        }

        @Test
        void startedBecomesCompletedWithReasonUnenrolled() {
            s.steps(id, 1);
            s.run(new EnrollmentCommand.Unenroll(s.meta(), id));
            assertFinished(FinishReason.UNENROLLED, DisplayStatus.COMPLETED);
            assertThat(e().canceled()).isFalse();
            assertThat(e().stepsCompleted()).isEqualTo(1);
        }

        @Test
        void clearsPauseAndBlock() {
            s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_UNAUTHORIZED));
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            s.unenroll(id);
            assertFinished(FinishReason.UNENROLLED, DisplayStatus.CANCELED);
        }

        @Test
        void unenrollPersonEndsTheActiveEnrollment() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.UnenrollPerson(s.meta()));
            assertThat(events).singleElement().isInstanceOfSatisfying(Unenrolled.class,
                    u -> assertThat(u.enrollmentId()).isEqualTo(id));
            assertFinished(FinishReason.UNENROLLED, DisplayStatus.CANCELED);
        }

        @Test
        void unenrollPersonWithoutActiveEnrollmentsDoesNothing() {
            s.unenroll(id);
            assertThat(s.run(new EnrollmentCommand.UnenrollPerson(s.meta()))).isEmpty();
        }

        @Test
        void historyIsKept() {
            s.unenroll(id);
            String next = s.enrolled(SEQ_2);
            assertThat(s.state.enrollments()).extracting(Enrollment::id).containsExactly(id, next);
        }
    }

    @Nested
    class OptOut {

        @Test
        void endsActiveEnrollmentsAndRecordsTheSource() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
            assertThat(events).singleElement().isInstanceOfSatisfying(OptedOut.class, o -> {
                assertThat(o.source()).isEqualTo(OptOutSource.LINK);
                assertThat(o.endedEnrollmentIds()).containsExactly(id);
            });
            assertFinished(FinishReason.OPTED_OUT, DisplayStatus.FINISHED);
            assertThat(e().isOptedOut()).isTrue();
            assertThat(s.state.optedOut()).isTrue();
            assertThat(s.state.optedOutAt()).isEqualTo(s.now);
            assertThat(s.state.optOutSource()).isEqualTo(OptOutSource.LINK);
        }

        @Test
        void afterAStepTheEnrollmentShowsCompleted() {
            s.steps(id, 1);
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.REPLY));
            assertFinished(FinishReason.OPTED_OUT, DisplayStatus.COMPLETED);
        }

        @Test
        void withoutActiveEnrollmentsItStillBlocksFutureOnes() {
            s.unenroll(id);
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.ADMIN));
            assertThat(((OptedOut) events.get(0)).endedEnrollmentIds()).isEmpty();
            assertThat(s.codes(enroll("c-1", SEQ_2))).containsExactly(RejectionCode.OPTED_OUT);
            assertThat(e().finishReason()).isEqualTo(FinishReason.UNENROLLED);
        }

        @Test
        void optingOutTwiceDoesNothing() {
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
            PersonState before = s.state;
            assertThat(s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.CRM))).isEmpty();
            assertThat(s.state).isEqualTo(before);
        }

        @Test
        void clearingNeedsAPermissionNote() {
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
            for (String note : new String[] {null, "", "  "}) {
                List<EnrollmentEvent> events = s.run(new EnrollmentCommand.ClearOptOut(s.meta(), note));
                assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r -> {
                    assertThat(r.commandType()).isEqualTo("ClearOptOut");
                    assertThat(r.reasons()).extracting(Rejection::code)
                            .containsExactly(RejectionCode.PERMISSION_NOTE_REQUIRED);
                });
            }
            assertThat(s.state.optedOut()).isTrue();
        }

        @Test
        void clearingWhenNotOptedOutIsRejected() {
            assertThat(s.codes(new EnrollmentCommand.ClearOptOut(s.meta(), "asked on the phone")))
                    .containsExactly(RejectionCode.NOT_OPTED_OUT);
        }

        @Test
        void clearingRecordsTheNoteAndAllowsEnrollmentAgain() {
            s.unenroll(id);
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.ClearOptOut(s.meta(), "Signed consent 2026-03-01"));
            assertThat(events).singleElement().isInstanceOfSatisfying(OptOutCleared.class,
                    c -> assertThat(c.permissionNote()).isEqualTo("Signed consent 2026-03-01"));
            assertThat(s.state.optedOut()).isFalse();
            assertThat(s.state.optedOutAt()).isNull();
            assertThat(s.state.optOutSource()).isNull();
            s.enrolled(SEQ_2);
        }

        @Test
        void clearingDoesNotRestartEndedEnrollments() {
            s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
            s.run(new EnrollmentCommand.ClearOptOut(s.meta(), "ok"));
            assertThat(e().finishReason()).isEqualTo(FinishReason.OPTED_OUT);
        }
    }

    @Nested
    class PauseAndResume {

        @Test
        void manualPause() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.Pause(s.meta(), id));
            assertThat(events).singleElement().isInstanceOfSatisfying(Paused.class, p -> {
                assertThat(p.pauseReason()).isEqualTo(PauseReason.MANUAL);
                assertThat(p.resumeAt()).isNull();
            });
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.PAUSED);
            assertThat(e().isPaused()).isTrue();
            assertThat(e().isActive()).isTrue();
            assertThat(e().updatedAt()).isEqualTo(s.now);
        }

        @Test
        void pausingAPausedEnrollmentDoesNothing() {
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            assertThat(s.run(new EnrollmentCommand.Pause(s.meta(), id))).isEmpty();
        }

        @Test
        void resume() {
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            s.advance(Duration.ofHours(1));
            assertThat(s.run(new EnrollmentCommand.Resume(s.meta(), id))).singleElement().isInstanceOf(Resumed.class);
            assertThat(e().pauseReason()).isNull();
            assertThat(e().resumeAt()).isNull();
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.QUEUED);
            assertThat(e().updatedAt()).isEqualTo(s.now);
        }

        @Test
        void resumingWhatIsNotPausedIsRejected() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.Resume(s.meta(), id));
            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r -> {
                assertThat(r.commandType()).isEqualTo("Resume");
                assertThat(r.sequenceId()).isEqualTo(SEQ);
                assertThat(r.reasons()).extracting(Rejection::code).containsExactly(RejectionCode.ENROLLMENT_NOT_PAUSED);
            });
        }

        @Test
        void pausedWinsOverBlockedForDisplay() {
            s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_PAUSED));
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.PAUSED);
            s.run(new EnrollmentCommand.Resume(s.meta(), id));
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.BLOCKED);
        }
    }

    @Nested
    class Steps {

        @Test
        void firstStepStartsTheEnrollment() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 0));
            assertThat(events).singleElement().isInstanceOfSatisfying(StepCompleted.class,
                    c -> assertThat(c.stepIndex()).isZero());
            assertThat(e().stepsCompleted()).isEqualTo(1);
            assertThat(e().nextStepIndex()).isEqualTo(1);
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.STARTED);
            assertThat(e().updatedAt()).isEqualTo(s.now);
        }

        @Test
        void staleOrFutureStepIndexesDoNothing() {
            s.steps(id, 1);
            PersonState before = s.state;
            assertThat(s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 0))).isEmpty();
            assertThat(s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 2))).isEmpty();
            assertThat(s.state).isEqualTo(before);
        }

        @Test
        void theLastStepCompletesTheSequence() {
            s.steps(id, 2);
            CommandMeta meta = s.meta();
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.CompleteStep(meta, id, 2));
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(StepCompleted.class);
            assertThat(events.get(1)).isEqualTo(new Completed(
                    new EventMeta(Ids.eventId(meta.commandId(), 1), meta.commandId(), ORG, PERSON, s.now, "tester"), id));
            assertThat(events.get(0).meta().eventId()).isEqualTo(Ids.eventId(meta.commandId(), 0));
            assertFinished(FinishReason.SEQUENCE_COMPLETED, DisplayStatus.COMPLETED);
            assertThat(e().stepsCompleted()).isEqualTo(3);
            assertThat(e().nextStepIndex()).isEqualTo(3);
        }

        @Test
        void anUnknownSequenceIsNeverAtItsLastStep() {
            s.reference = InMemoryReferenceData.builder().person(PERSON).build(); // SEQ was deleted
            s.steps(id, 5);
            assertThat(e().isActive()).isTrue();
            assertThat(e().stepsCompleted()).isEqualTo(5);
        }

        @Test
        void completingAStepClearsABlock() {
            s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MISSING_VARIABLES));
            s.steps(id, 1);
            assertThat(e().blockReason()).isNull();
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.STARTED);
        }
    }

    @Nested
    class Blocking {

        @Test
        void blockAndUnblock() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.INVALID_VARIABLES));
            assertThat(events).singleElement().isInstanceOfSatisfying(Blocked.class,
                    b -> assertThat(b.blockReason()).isEqualTo(BlockReason.INVALID_VARIABLES));
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.BLOCKED);
            assertThat(e().isActive()).isTrue();

            assertThat(s.run(new EnrollmentCommand.Unblock(s.meta(), id))).singleElement().isInstanceOf(Unblocked.class);
            assertThat(e().blockReason()).isNull();
            assertThat(e().displayStatus()).isEqualTo(DisplayStatus.QUEUED);
        }

        @Test
        void sameReasonTwiceDoesNothingAnotherReasonReplacesIt() {
            s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_PAUSED));
            assertThat(s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_PAUSED))).isEmpty();
            assertThat(s.run(new EnrollmentCommand.Block(s.meta(), id, BlockReason.MAILBOX_FAILURE))).hasSize(1);
            assertThat(e().blockReason()).isEqualTo(BlockReason.MAILBOX_FAILURE);
        }

        @Test
        void unblockingWhatIsNotBlockedDoesNothing() {
            assertThat(s.run(new EnrollmentCommand.Unblock(s.meta(), id))).isEmpty();
        }
    }

    @Nested
    class Bounces {

        @Test
        void bounced() {
            s.steps(id, 1);
            assertThat(s.run(new EnrollmentCommand.Bounce(s.meta(), id))).singleElement().isInstanceOf(Bounced.class);
            assertFinished(FinishReason.BOUNCED, DisplayStatus.BOUNCED);
            assertThat(e().isBounced()).isTrue();
        }

        @Test
        void bounceStopped() {
            assertThat(s.run(new EnrollmentCommand.StopForBounceRisk(s.meta(), id)))
                    .singleElement().isInstanceOf(BounceStopped.class);
            assertFinished(FinishReason.BOUNCE_STOPPED, DisplayStatus.BOUNCE_STOPPED);
            assertThat(e().isBounced()).isTrue();
        }
    }

    @Nested
    class Replies {

        private EnrollmentCommand.RecordReply reply(ReplyClassification c, Instant receivedAt, LocalDate returnDate) {
            return new EnrollmentCommand.RecordReply(s.meta(), id, "reply-1", "Re: hello", c, receivedAt, returnDate);
        }

        @Test
        void aHumanReplyFinishesTheEnrollment() {
            for (ReplyClassification c : List.of(ReplyClassification.POSITIVE, ReplyClassification.NEUTRAL,
                    ReplyClassification.NEGATIVE)) {
                enrolled();
                s.steps(id, 1);
                Instant received = s.now.minusSeconds(30);
                List<EnrollmentEvent> events = s.run(reply(c, received, null));
                Reply expected = new Reply("reply-1", "Re: hello", c, received);
                assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class, r -> {
                    assertThat(r.finishes()).isTrue();
                    assertThat(r.reply()).isEqualTo(expected);
                });
                assertFinished(FinishReason.REPLIED, DisplayStatus.COMPLETED);
                assertThat(e().reply()).isEqualTo(expected);
                assertThat(e().isReplied()).isTrue();
            }
        }

        @Test
        void outOfOfficeWithAReturnDatePausesUntilThatDay() {
            s.steps(id, 1);
            List<EnrollmentEvent> events = s.run(reply(ReplyClassification.AUTOMATED, s.now,
                    LocalDate.of(2026, 3, 20)));
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOfSatisfying(Replied.class, r -> assertThat(r.finishes()).isFalse());
            assertThat(events.get(1)).isInstanceOfSatisfying(Paused.class, p -> {
                assertThat(p.pauseReason()).isEqualTo(PauseReason.OUT_OF_OFFICE);
                assertThat(p.resumeAt()).isEqualTo(Instant.parse("2026-03-20T00:00:00Z"));
            });
            Enrollment e = e();
            assertThat(e.isActive()).isTrue();
            assertThat(e.displayStatus()).isEqualTo(DisplayStatus.PAUSED);
            assertThat(e.pauseReason()).isEqualTo(PauseReason.OUT_OF_OFFICE);
            assertThat(e.resumeAt()).isEqualTo(Instant.parse("2026-03-20T00:00:00Z"));
            assertThat(e.isReplied()).isFalse();
            assertThat(e.reply().classification()).isEqualTo(ReplyClassification.AUTOMATED);
        }

        @Test
        void outOfOfficeWithoutAReturnDatePausesFor14DaysFromReceipt() {
            Instant received = s.now.minus(Duration.ofHours(3));
            List<EnrollmentEvent> events = s.run(reply(ReplyClassification.AUTOMATED, received, null));
            assertThat(((Paused) events.get(1)).resumeAt()).isEqualTo(received.plus(Duration.ofDays(14)));
            assertThat(e().resumeAt()).isEqualTo(received.plus(Duration.ofDays(14)));
        }

        @Test
        void outOfOfficeWithoutAnyTimePausesFor14DaysFromNow() {
            List<EnrollmentEvent> events = s.run(reply(ReplyClassification.AUTOMATED, null, null));
            assertThat(((Paused) events.get(1)).resumeAt()).isEqualTo(s.now.plus(Duration.ofDays(14)));
        }

        @Test
        void outOfOfficeOnAPausedEnrollmentOnlyRecordsTheReply() {
            s.run(new EnrollmentCommand.Pause(s.meta(), id));
            List<EnrollmentEvent> events = s.run(reply(ReplyClassification.AUTOMATED, s.now, LocalDate.of(2026, 4, 1)));
            assertThat(events).singleElement().isInstanceOf(Replied.class);
            assertThat(e().pauseReason()).isEqualTo(PauseReason.MANUAL);
        }

        @Test
        void resumingAnOutOfOfficePauseClearsResumeAt() {
            s.run(reply(ReplyClassification.AUTOMATED, s.now, null));
            s.run(new EnrollmentCommand.Resume(s.meta(), id));
            assertThat(e().resumeAt()).isNull();
            assertThat(e().pauseReason()).isNull();
        }

        @Test
        void aHumanReplyAfterOutOfOfficeFinishesAndClearsThePause() {
            s.run(reply(ReplyClassification.AUTOMATED, s.now, null));
            s.run(reply(ReplyClassification.POSITIVE, s.now, null));
            assertFinished(FinishReason.REPLIED, DisplayStatus.COMPLETED);
        }
    }

    @Nested
    class Reassign {

        @Test
        void aQueuedEnrollmentMovesToAnotherMailbox() {
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.ReassignMailbox(s.meta(), id, MB_B));
            assertThat(events).singleElement().isInstanceOfSatisfying(MailboxReassigned.class, m -> {
                assertThat(m.fromMailboxId()).isEqualTo(MB_A);
                assertThat(m.toMailboxId()).isEqualTo(MB_B);
            });
            assertThat(e().mailboxId()).isEqualTo(MB_B);
            assertThat(e().updatedAt()).isEqualTo(s.now);
        }

        @Test
        void onceAStepHasSentTheMailboxNeverChanges() {
            s.steps(id, 1);
            assertThat(s.codes(new EnrollmentCommand.ReassignMailbox(s.meta(), id, MB_B)))
                    .containsExactly(RejectionCode.STEP_ALREADY_SENT);
            assertThat(e().mailboxId()).isEqualTo(MB_A);
        }

        @Test
        void anUnknownMailboxIsRejected() {
            assertThat(s.codes(new EnrollmentCommand.ReassignMailbox(s.meta(), id, "mb-nope")))
                    .containsExactly(RejectionCode.MAILBOX_NOT_FOUND);
        }

        @Test
        void theSameMailboxDoesNothing() {
            assertThat(s.run(new EnrollmentCommand.ReassignMailbox(s.meta(), id, MB_A))).isEmpty();
        }
    }
}
