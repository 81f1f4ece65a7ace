package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentEvent.Bounced;
import org.seqengine.enrollment.domain.EnrollmentEvent.Replied;

/** A reply, bounce or opt-out that arrives after an enrollment finished is recorded on it, not lost. */
class LateOutcomesTest {

    private final Scenario s = Scenario.of(Fixtures.reference());

    private String completed() {
        String id = s.enrolled(SEQ_2);
        s.steps(id, 2);
        assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
        return id;
    }

    private EnrollmentCommand reply(String id, ReplyClassification classification) {
        return new EnrollmentCommand.RecordReply(s.meta(), id, "reply-1", "Re: hi", classification, s.now, null);
    }

    @Test
    void aReplyToACompletedEnrollmentIsRecordedWithoutReopeningIt() {
        String id = completed();
        Enrollment before = s.enrollment(id);
        s.advance(Duration.ofDays(2));
        List<EnrollmentEvent> events = s.run(reply(id, ReplyClassification.POSITIVE));

        assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class, r -> assertThat(r.finishes()).isFalse());
        Enrollment after = s.enrollment(id);
        assertThat(after.isReplied()).isTrue();
        assertThat(after.reply().replyId()).isEqualTo("reply-1");
        assertThat(after.isActive()).isFalse();
        assertThat(after.finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
        assertThat(after.endedAt()).isEqualTo(before.endedAt());
        assertThat(after.displayStatus()).isEqualTo(DisplayStatus.COMPLETED);
    }

    @Test
    void aReplyToAnUnenrolledEnrollmentIsRecordedToo() {
        String id = s.enrolled(SEQ);
        s.unenroll(id);
        assertThat(s.run(reply(id, ReplyClassification.NEGATIVE))).singleElement().isInstanceOf(Replied.class);
        assertThat(s.enrollment(id).isReplied()).isTrue();
        assertThat(s.enrollment(id).canceled()).isTrue();
    }

    @Test
    void aLateAutomatedReplyChangesNothing() {
        String id = completed();
        Enrollment before = s.enrollment(id);
        assertThat(s.run(reply(id, ReplyClassification.AUTOMATED))).isEmpty();
        assertThat(s.enrollment(id)).isEqualTo(before);
    }

    @Test
    void aLateBounceIsRecordedOnceAndKeepsTheFinishReason() {
        String id = completed();
        assertThat(s.run(new EnrollmentCommand.Bounce(s.meta(), id))).singleElement().isInstanceOf(Bounced.class);
        Enrollment after = s.enrollment(id);
        assertThat(after.isBounced()).isTrue();
        assertThat(after.finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
        assertThat(after.displayStatus()).isEqualTo(DisplayStatus.COMPLETED);
        assertThat(s.run(new EnrollmentCommand.Bounce(s.meta(), id))).as("already bounced").isEmpty();
    }

    @Test
    void aBounceOfAnActiveEnrollmentStillFinishesIt() {
        String id = s.enrolled(SEQ);
        s.run(new EnrollmentCommand.Bounce(s.meta(), id));
        assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.BOUNCED);
        assertThat(s.run(new EnrollmentCommand.Bounce(s.meta(), id))).isEmpty();
    }

    @Test
    void anOptOutLinkAfterTheEnrollmentFinishedOptsThePersonOut() {
        String id = completed();
        List<EnrollmentEvent> events = s.run(new EnrollmentCommand.OptOut(s.meta(), OptOutSource.LINK));
        assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentEvent.OptedOut.class,
                o -> assertThat(o.endedEnrollmentIds()).isEmpty());
        assertThat(s.state.optedOut()).isTrue();
        assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.SEQUENCE_COMPLETED);
    }

    @Test
    void startedAtIsNullWhileQueuedAndSetByTheFirstStep() {
        String id = s.enrolled(SEQ);
        assertThat(s.enrollment(id).startedAt()).isNull();
        assertThat(s.enrollment(id).displayStatus()).isEqualTo(DisplayStatus.QUEUED);
        s.advance(Duration.ofHours(3));
        s.steps(id, 1);
        assertThat(s.enrollment(id).startedAt()).isEqualTo(s.now);
        java.time.Instant started = s.now;
        s.advance(Duration.ofDays(1));
        s.steps(id, 1);
        assertThat(s.enrollment(id).startedAt()).isEqualTo(started);
    }

    @Test
    void aQueuedEnrollmentThatIsUnenrolledNeverStarted() {
        String id = s.enrolled(SEQ);
        s.unenroll(id);
        assertThat(s.enrollment(id).startedAt()).isNull();
    }

    @Test
    void enrollmentsRecordTheActorOfTheLastChange() {
        String id = s.enrolled(SEQ);
        assertThat(s.enrollment(id).updatedBy()).isEqualTo("tester");
        CommandMeta admin = new CommandMeta("c-admin", Fixtures.ORG, Fixtures.PERSON, s.now, "org-1:admin-7", null);
        s.run(new EnrollmentCommand.Pause(admin, id));
        assertThat(s.enrollment(id).updatedBy()).isEqualTo("org-1:admin-7");
        assertThat(s.log.get(s.log.size() - 1).meta().actor()).isEqualTo("org-1:admin-7");
    }
}
