package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.DispatchStepTest.GOOD;
import static org.seqengine.enrollment.domain.DispatchStepTest.STEPS;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_A;
import static org.seqengine.enrollment.domain.Fixtures.MB_A;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqengine.enrollment.domain.EnrollmentEvent.Completed;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentUpgraded;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.EnrollmentEvent.Paused;
import org.seqengine.enrollment.domain.EnrollmentEvent.Replied;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.OrgSettings;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.enrollment.domain.reference.StepType;
import org.seqengine.scheduler.domain.TimeScale;

/** Replies (removal requests, out-of-office under a short day), upgrades, and what Enroll stamps. */
class SchedulingDecisionsTest {

    static Scenario enrolledIn(UnaryOperator<InMemoryReferenceData.Builder> change) {
        return Scenario.of(DispatchStepTest.reference(change));
    }

    static EnrollmentCommand.RecordReply reply(Scenario s, String id, ReplyClassification classification,
                                               LocalDate returnDate, boolean optOutRequested) {
        return new EnrollmentCommand.RecordReply(s.meta(), id, "reply-" + s.now.toEpochMilli(), "Re: Hi",
                classification, s.now, returnDate, optOutRequested);
    }

    @Nested
    class RemovalRequests {

        @Test
        void aRemovalRequestOptsThePersonOutAfterTheReplyWhenTheOrgEnablesIt() {
            Scenario s = enrolledIn(r -> r);  // the default settings have it on
            String id = s.enrolled(SEQ);

            List<EnrollmentEvent> events = s.run(reply(s, id, ReplyClassification.NEGATIVE, null, true));

            assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Replied", "OptedOut");
            assertThat(((OptedOut) events.get(1)).source()).isEqualTo(OptOutSource.REPLY);
            assertThat(((OptedOut) events.get(1)).endedEnrollmentIds()).isEmpty(); // the reply already ended it
            assertThat(s.state.optedOut()).isTrue();
            assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.REPLIED);
        }

        @Test
        void aRemovalRequestOnlyRecordsTheReplyWhenTheOrgTurnedItOff() {
            Scenario s = enrolledIn(r -> r.settings(new OrgSettings(null, Map.of(), false)));
            String id = s.enrolled(SEQ);

            assertThat(s.run(reply(s, id, ReplyClassification.NEGATIVE, null, true)))
                    .singleElement().isInstanceOf(Replied.class);
            assertThat(s.state.optedOut()).isFalse();
        }

        @Test
        void aNegativeReplyThatAsksNothingDoesNotOptOut() {
            Scenario s = enrolledIn(r -> r);
            String id = s.enrolled(SEQ);

            assertThat(s.run(reply(s, id, ReplyClassification.NEGATIVE, null, false)))
                    .singleElement().isInstanceOf(Replied.class);
            assertThat(s.state.optedOut()).isFalse();
        }
    }

    @Nested
    class OutOfOffice {

        /** A 20-second day: 14 days are 280 s; a return date 3 days on is 3 scaled days on. */
        private Scenario shortDays(UnaryOperator<InMemoryReferenceData.Builder> change) {
            Scenario s = enrolledIn(change);
            s.timeScale = TimeScale.parse("PT20S");
            return s;
        }

        @Test
        void withoutAReturnDateItResumesAfter14ScaledDays() {
            Scenario s = shortDays(r -> r);
            String id = s.enrolled(SEQ);
            s.advance(Duration.ofSeconds(7));

            List<EnrollmentEvent> events = s.run(reply(s, id, ReplyClassification.AUTOMATED, null, false));

            assertThat(events).last().isInstanceOf(Paused.class);
            assertThat(((Paused) events.get(1)).resumeAt()).isEqualTo(s.now.plusSeconds(14 * 20));
            assertThat(s.enrollment(id).pauseReason()).isEqualTo(PauseReason.OUT_OF_OFFICE);
        }

        @Test
        void withAReturnDateItResumesAtTheStartOfThatScaledDayInTheSequenceZone() {
            Sequence tokyo = new Sequence(ORG, SEQ, "Sequence", true, false, null, STEPS, 1,
                    new Sequence.Schedule("Asia/Tokyo", List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00"),
                    null);
            Scenario s = shortDays(r -> r.sequence(tokyo));
            String id = s.enrolled(SEQ);
            LocalDate back = LocalDate.ofInstant(s.now, java.time.ZoneId.of("Asia/Tokyo")).plusDays(3);

            List<EnrollmentEvent> events = s.run(reply(s, id, ReplyClassification.AUTOMATED, back, false));

            Instant expected = org.seqengine.scheduler.domain.OutOfOffice.resumeAt(s.now, java.util.Optional.of(back),
                    java.time.ZoneId.of("Asia/Tokyo"), s.timeScale);
            Instant resumeAt = ((Paused) events.get(1)).resumeAt();
            assertThat(resumeAt).isEqualTo(expected);
            // three scaled days on, not three real days
            assertThat(resumeAt).isAfter(s.now.plusSeconds(2 * 20)).isBefore(s.now.plusSeconds(3 * 20 + 1));
        }

        @Test
        void atRealTimeAReturnDateResumesAtMidnightUtcWithoutASchedule() {
            Scenario s = enrolledIn(r -> r);
            String id = s.enrolled(SEQ);

            List<EnrollmentEvent> events = s.run(reply(s, id, ReplyClassification.AUTOMATED,
                    LocalDate.parse("2026-03-05"), false));

            assertThat(((Paused) events.get(1)).resumeAt()).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
        }
    }

    @Nested
    class Upgrades {

        static final List<Step> V2 = List.of(
                new Step(StepType.EMAIL, 0, "New hello", "Body"),
                new Step(StepType.EMAIL, 1, "New follow-up", "Body"));

        /** Version 2 (two steps) is current; version 1 (three steps) is kept. */
        private InMemoryReferenceData.Builder version2() {
            return DispatchStepTest.reference(r -> r
                    .sequenceVersion(new Sequence(ORG, SEQ, "Sequence", true, false, null, STEPS))
                    .sequence(new Sequence(ORG, SEQ, "Sequence", true, false, null, V2, 2, null, null)));
        }

        @Test
        void anActiveEnrollmentMovesToTheNewVersionAtTheSameStep() {
            Scenario s = enrolledIn(r -> r);
            String id = s.enrolled(SEQ);
            s.steps(id, 1);
            s.reference(version2());

            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.UpgradeEnrollment(s.meta(), id, 2, "job-1"));

            assertThat(events).singleElement().isEqualTo(new EnrollmentUpgraded(events.get(0).meta(), id, 1, 2, "job-1"));
            assertThat(s.enrollment(id).sequenceVersion()).isEqualTo(2);
            assertThat(s.enrollment(id).nextStepIndex()).isEqualTo(1);
            // the next dispatch sends the new version's step (an email; in version 1 it was a task)
            List<EnrollmentEvent> dispatch = s.dispatch(id, 1, 1);
            assertThat(dispatch).last().isInstanceOf(EnrollmentEvent.StepDispatched.class);
            assertThat(((EnrollmentEvent.StepDispatched) dispatch.get(dispatch.size() - 1)).stepType())
                    .isEqualTo(StepType.EMAIL);
        }

        @Test
        void anEnrollmentPastTheNewVersionsLastStepCompletes() {
            Scenario s = enrolledIn(r -> r);
            String id = s.enrolled(SEQ);
            s.steps(id, 2);
            s.reference(version2());

            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.UpgradeEnrollment(s.meta(), id, 2, null));

            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(EnrollmentUpgraded.class);
            assertThat(events.get(1)).isInstanceOf(Completed.class);
            assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
        }

        @Test
        void anEnrollmentAlreadyOnTheVersionOrAnUnknownVersionIsRejected() {
            Scenario s = Scenario.of(version2());
            String id = s.enrolled(SEQ);
            assertThat(s.enrollment(id).sequenceVersion()).isEqualTo(2);

            assertThat(s.codes(new EnrollmentCommand.UpgradeEnrollment(s.meta(), id, 2, null)))
                    .containsExactly(RejectionCode.ALREADY_AT_VERSION);
            assertThat(s.codes(new EnrollmentCommand.UpgradeEnrollment(s.meta(), id, 7, null)))
                    .containsExactly(RejectionCode.SEQUENCE_VERSION_NOT_FOUND);
        }

        @Test
        void aFinishedEnrollmentIsNotUpgraded() {
            Scenario s = enrolledIn(r -> r);
            String id = s.enrolled(SEQ);
            s.unenroll(id);
            s.reference(version2());

            assertThat(s.codes(new EnrollmentCommand.UpgradeEnrollment(s.meta(), id, 2, null)))
                    .containsExactly(RejectionCode.ENROLLMENT_NOT_ACTIVE);
        }
    }

    @Nested
    class EnrollStamps {

        private Enrolled enrolledWith(String taskAssignment, String actor, Person person) {
            Sequence sequence = new Sequence(ORG, SEQ, "Sequence", true, false, null, STEPS, 4, null, taskAssignment);
            Scenario s = enrolledIn(r -> r.sequence(sequence).person(person)
                    .mailbox(new Mailbox(ORG, MB_A, MAIL_A, "Alice", "alice-user", false, false)));
            var meta = new CommandMeta("enroll-1", ORG, PERSON, s.now, actor, null);
            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.Enroll(meta, SEQ, List.of(MAIL_A)));
            assertThat(events).singleElement().isInstanceOf(Enrolled.class);
            assertThat(s.enrollment(((Enrolled) events.get(0)).enrollmentId()).taskAssigneeId())
                    .isEqualTo(((Enrolled) events.get(0)).taskAssigneeId());
            return (Enrolled) events.get(0);
        }

        @Test
        void theSequencesCurrentVersion() {
            Enrolled e = enrolledWith(null, "org-1:bob", GOOD);
            assertThat(e.sequenceVersion()).isEqualTo(4);
        }

        @ParameterizedTest
        @CsvSource(nullValues = "null", value = {
                "null, alice-user",
                "MAILBOX_OWNER, alice-user",
                "SENDER, alice-user",
                "ENROLLER, org-1:bob",
                "RECORD_OWNER, crm-owner-7",
                "USER:u-42, u-42",
                "SOMETHING_NEW, alice-user"})
        void theTaskAssigneeFromTheSequencesTaskAssignment(String rule, String expected) {
            Person owned = new Person(ORG, PERSON, GOOD.email(), "Ada", "Lovelace", null, "prospect.example.com",
                    false, false, false, Map.of("title", "CTO", "owner_id", "crm-owner-7"));
            assertThat(enrolledWith(rule, "org-1:bob", owned).taskAssigneeId()).isEqualTo(expected);
        }

        @Test
        void aRecordWithoutOwnerLeavesTheTaskUnassigned() {
            assertThat(enrolledWith("RECORD_OWNER", "org-1:bob", GOOD).taskAssigneeId()).isNull();
        }
    }
}
