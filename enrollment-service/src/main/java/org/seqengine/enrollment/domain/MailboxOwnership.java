package org.seqengine.enrollment.domain;

import java.util.Optional;
import org.seqengine.enrollment.domain.EnrollmentCommand.MailboxOwnerChanged;
import org.seqengine.enrollment.domain.EnrollmentEvent.MailboxReassigned;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;
import org.seqengine.enrollment.domain.reference.Mailbox;

/**
 * A mailbox changed owner (DESIGN.md §3 "Mailbox ownership change"): an active enrollment that still
 * sends from it and already sent a step is unenrolled with reason MAILBOX_OWNERSHIP_CHANGED (its
 * mailbox never changes once step 1 went out); a queued one moves to the new owner's mailbox the
 * evaluator chose, or is unenrolled too when there is none (policy UNENROLL_ALL, no mailbox of the new
 * owner, or a target this org does not know). Like every unenroll it finishes Canceled when no step
 * had completed, else Completed.
 *
 * <p>The evaluator sends this for every active enrollment it saw on the mailbox; by the time it is
 * decided the enrollment may have ended or moved. Then it is a no-op, not a rejection: nothing was
 * asked of a caller that could be refused.
 */
final class MailboxOwnership {

    private MailboxOwnership() {}

    static void decide(MailboxOwnerChanged c, PersonState state, DecisionContext ctx, EventEmitter out) {
        Optional<Enrollment> found = c.enrollmentId() == null ? Optional.empty() : state.enrollment(c.enrollmentId());
        if (found.isEmpty() || !found.get().isActive() || !found.get().mailboxId().equals(c.mailboxId())) {
            return;
        }
        Enrollment e = found.get();
        Optional<Mailbox> target = e.stepsCompleted() > 0 || e.startedAt() != null || c.reassignToMailboxId() == null
                ? Optional.empty()
                : ctx.reference().mailbox(c.reassignToMailboxId());
        if (target.isEmpty()) {
            out.emit(new Unenrolled(out.next(), e.id(), FinishReason.MAILBOX_OWNERSHIP_CHANGED, e.stepsCompleted() == 0));
        } else if (!target.get().id().equals(e.mailboxId())) {
            out.emit(new MailboxReassigned(out.next(), e.id(), e.mailboxId(), target.get().id()));
        }
    }
}
