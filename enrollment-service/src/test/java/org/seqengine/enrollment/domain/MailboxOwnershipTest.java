package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.MB_A;
import static org.seqengine.enrollment.domain.Fixtures.MB_B;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentCommand.MailboxOwnerChanged;
import org.seqengine.enrollment.domain.EnrollmentEvent.MailboxReassigned;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;

/** The owner of an enrollment's mailbox changed (MailboxOwnerChanged from the exclusion-evaluator). */
class MailboxOwnershipTest {

    private Scenario s;
    private String id;

    @BeforeEach
    void enrolledFromMailboxA() {
        s = Scenario.of(Fixtures.reference());
        id = s.enrolled(SEQ);
    }

    private List<EnrollmentEvent> ownerChanged(String mailboxId, String reassignTo) {
        return s.run(new MailboxOwnerChanged(s.meta(), id, mailboxId, reassignTo));
    }

    @Test
    void aQueuedEnrollmentMovesToTheNewOwnersMailbox() {
        List<EnrollmentEvent> events = ownerChanged(MB_A, MB_B);

        assertThat(events).singleElement().isInstanceOfSatisfying(MailboxReassigned.class, m -> {
            assertThat(m.fromMailboxId()).isEqualTo(MB_A);
            assertThat(m.toMailboxId()).isEqualTo(MB_B);
        });
        assertThat(s.enrollment(id).isActive()).isTrue();
        assertThat(s.enrollment(id).mailboxId()).isEqualTo(MB_B);
    }

    @Test
    void aStartedEnrollmentIsUnenrolledAndCompleted() {
        s.steps(id, 1);

        List<EnrollmentEvent> events = ownerChanged(MB_A, MB_B);

        assertThat(events).singleElement().isInstanceOfSatisfying(Unenrolled.class, u -> {
            assertThat(u.finishReason()).isEqualTo(FinishReason.MAILBOX_OWNERSHIP_CHANGED);
            assertThat(u.canceled()).isFalse();
        });
        Enrollment e = s.enrollment(id);
        assertThat(e.mailboxId()).isEqualTo(MB_A);
        assertThat(e.finishReason()).isEqualTo(FinishReason.MAILBOX_OWNERSHIP_CHANGED);
        assertThat(e.displayStatus()).isEqualTo(DisplayStatus.COMPLETED);
        assertThat(e.endedAt()).isEqualTo(s.now);
    }

    @Test
    void aQueuedEnrollmentWithoutATargetIsUnenrolledAndCanceled() {
        List<EnrollmentEvent> events = ownerChanged(MB_A, null);

        assertThat(events).singleElement().isInstanceOfSatisfying(Unenrolled.class, u -> {
            assertThat(u.finishReason()).isEqualTo(FinishReason.MAILBOX_OWNERSHIP_CHANGED);
            assertThat(u.canceled()).isTrue();
        });
        assertThat(s.enrollment(id).displayStatus()).isEqualTo(DisplayStatus.CANCELED);
        assertThat(s.state.active()).isEmpty();
    }

    @Test
    void aTargetThisOrganizationDoesNotKnowUnenrollsToo() {
        assertThat(ownerChanged(MB_A, "mb-unknown")).singleElement().isInstanceOfSatisfying(Unenrolled.class,
                u -> assertThat(u.finishReason()).isEqualTo(FinishReason.MAILBOX_OWNERSHIP_CHANGED));
    }

    @Test
    void aPausedQueuedEnrollmentIsStillActiveAndMoves() {
        s.run(new EnrollmentCommand.Pause(s.meta(), id));
        assertThat(ownerChanged(MB_A, MB_B)).singleElement().isInstanceOf(MailboxReassigned.class);
        assertThat(s.enrollment(id).isPaused()).isTrue();
    }

    @Test
    void aFinishedEnrollmentIsLeftAlone() {
        s.unenroll(id);
        Enrollment before = s.enrollment(id);
        assertThat(ownerChanged(MB_A, MB_B)).isEmpty();
        assertThat(ownerChanged(MB_A, null)).isEmpty();
        assertThat(s.enrollment(id)).isEqualTo(before);
    }

    @Test
    void anEnrollmentOnAnotherMailboxIsLeftAlone() {
        assertThat(ownerChanged(MB_B, null)).isEmpty();
        assertThat(s.enrollment(id).isActive()).isTrue();
    }

    @Test
    void anUnknownEnrollmentIsANoOp() {
        assertThat(s.run(new MailboxOwnerChanged(s.meta(), "no-such-enrollment", MB_A, null))).isEmpty();
    }

    @Test
    void aRepeatedCommandChangesNothing() {
        MailboxOwnerChanged command = new MailboxOwnerChanged(s.meta(), id, MB_A, MB_B);
        assertThat(s.run(command)).hasSize(1);
        assertThat(s.run(command)).isEmpty();
        assertThat(s.last.duplicate()).isTrue();
    }
}
