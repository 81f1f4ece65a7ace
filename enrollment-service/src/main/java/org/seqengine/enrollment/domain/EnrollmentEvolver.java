package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.seqengine.enrollment.domain.EnrollmentEvent.Blocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.BounceStopped;
import org.seqengine.enrollment.domain.EnrollmentEvent.Bounced;
import org.seqengine.enrollment.domain.EnrollmentEvent.Completed;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.EnrollmentEvent.Excluded;
import org.seqengine.enrollment.domain.EnrollmentEvent.MailboxReassigned;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptOutCleared;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.EnrollmentEvent.Paused;
import org.seqengine.enrollment.domain.EnrollmentEvent.Reopened;
import org.seqengine.enrollment.domain.EnrollmentEvent.Replied;
import org.seqengine.enrollment.domain.EnrollmentEvent.Resumed;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepCompleted;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepDispatched;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentUpgraded;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unblocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.PersonErased;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;

/**
 * Applies one event to a person's state. Total: an event about an unknown enrollment leaves the
 * state unchanged, an Enrolled for an id that exists is ignored. A finished enrollment keeps its
 * finish reason and end: a late reply or bounce is only recorded on it.
 */
final class EnrollmentEvolver {

    private EnrollmentEvolver() {}

    static PersonState evolve(PersonState s, EnrollmentEvent event) {
        Instant at = event.meta().occurredAt();
        String actor = event.meta().actor();
        if (event instanceof Enrolled e) {
            if (s.enrollment(e.enrollmentId()).isPresent()) {
                return s;
            }
            List<Enrollment> enrollments = new ArrayList<>(s.enrollments());
            enrollments.add(new Enrollment(e.enrollmentId(), e.meta().orgId(), e.meta().personId(), e.sequenceId(),
                    e.mailboxId(), at, at, null, null, e.startStepIndex(), 0, null, null, null, null, null, false,
                    false, actor, List.of(), e.sequenceVersion(), null, null, null, List.of(), e.taskAssigneeId(),
                    e.companyDomain(), null));
            return withEnrollments(s, enrollments);
        }
        if (event instanceof EnrollmentRejected) {
            return s;
        }
        if (event instanceof OptedOut o) {
            Set<String> ended = new HashSet<>(o.endedEnrollmentIds());
            List<Enrollment> enrollments = s.enrollments().stream()
                    .map(x -> ended.contains(x.id()) && x.isActive()
                            ? touch(finish(x, FinishReason.OPTED_OUT, false, at), at, actor) : x)
                    .toList();
            return new PersonState(s.orgId(), s.personId(), enrollments, at, o.source(), s.erasedAt());
        }
        if (event instanceof OptOutCleared) {
            return new PersonState(s.orgId(), s.personId(), s.enrollments(), null, null, s.erasedAt());
        }
        if (event instanceof PersonErased) {
            return new PersonState(s.orgId(), s.personId(), s.enrollments().stream().map(Enrollment::erased).toList(),
                    s.optedOutAt(), s.optOutSource(), at);
        }
        return update(s, enrollmentIdOf(event), x -> touch(x.isActive() ? change(x, event, at) : late(x, event), at, actor));
    }

    /** The enrollment an event is about, or null (OptedOut, OptOutCleared, a rejected Enroll). */
    static String enrollmentIdOf(EnrollmentEvent event) {
        if (event instanceof Enrolled e) return e.enrollmentId();
        if (event instanceof EnrollmentRejected e) return e.enrollmentId();
        if (event instanceof StepCompleted e) return e.enrollmentId();
        if (event instanceof Completed e) return e.enrollmentId();
        if (event instanceof Unenrolled e) return e.enrollmentId();
        if (event instanceof Paused e) return e.enrollmentId();
        if (event instanceof Resumed e) return e.enrollmentId();
        if (event instanceof Blocked e) return e.enrollmentId();
        if (event instanceof Unblocked e) return e.enrollmentId();
        if (event instanceof Bounced e) return e.enrollmentId();
        if (event instanceof BounceStopped e) return e.enrollmentId();
        if (event instanceof Replied e) return e.enrollmentId();
        if (event instanceof Excluded e) return e.enrollmentId();
        if (event instanceof MailboxReassigned e) return e.enrollmentId();
        if (event instanceof Reopened e) return e.enrollmentId();
        if (event instanceof StepDispatched e) return e.enrollmentId();
        if (event instanceof EnrollmentUpgraded e) return e.enrollmentId();
        return null;
    }

    private static Enrollment change(Enrollment x, EnrollmentEvent event, Instant at) {
        if (event instanceof StepCompleted e) {
            // the next step's wait counts from here; nothing is in flight any more
            return x.toBuilder().startedAt(x.startedAt() != null ? x.startedAt() : at).lastStepAt(at)
                    .nextStepIndex(e.stepIndex() + 1).stepsCompleted(x.stepsCompleted() + 1).block(null, null)
                    .dispatched(null, null).build();
        }
        if (event instanceof StepDispatched e) {
            return x.toBuilder().block(null, null).dispatched(e.stepIndex(), e.sendRequestId()).build();
        }
        if (event instanceof EnrollmentUpgraded e) return x.toBuilder().sequenceVersion(e.toVersion()).build();
        if (event instanceof Completed) return finish(x, FinishReason.SEQUENCE_COMPLETED, false, at);
        if (event instanceof Unenrolled e) {
            return finish(x, e.finishReason(), e.canceled(), at).toBuilder().colleagueReply(e.colleagueReply()).build();
        }
        if (event instanceof Bounced) return finish(bounced(x), FinishReason.BOUNCED, false, at);
        if (event instanceof BounceStopped) return finish(x, FinishReason.BOUNCE_STOPPED, false, at);
        if (event instanceof Excluded e) return finish(x, FinishReason.EXCLUDED, false, at).toBuilder()
                .excludedBy(e.matches()).build();
        if (event instanceof Replied e) {
            Enrollment withReply = x.toBuilder().reply(e.reply()).build();
            return e.finishes() ? finish(withReply, FinishReason.REPLIED, false, at) : withReply;
        }
        if (event instanceof Paused e) return x.toBuilder().pause(e.pauseReason(), e.resumeAt()).build();
        if (event instanceof Resumed) return x.toBuilder().pause(null, null).build();
        if (event instanceof Blocked e) {
            // a blocked step is not in flight: the send failed or never went, and goes again as a new attempt
            return x.toBuilder().block(e.blockReason(), e.variables()).dispatched(null, null).build();
        }
        if (event instanceof Unblocked) return x.toBuilder().block(null, null).build();
        if (event instanceof MailboxReassigned e) return x.toBuilder().mailboxId(e.toMailboxId()).build();
        return x;
    }

    /**
     * A finished enrollment records a late reply or bounce, and an Excluded one can be reopened;
     * nothing else changes it.
     */
    private static Enrollment late(Enrollment x, EnrollmentEvent event) {
        if (event instanceof Replied e) return x.toBuilder().reply(e.reply()).build();
        if (event instanceof Bounced) return bounced(x);
        if (event instanceof Reopened e && x.isExcluded()) return reopen(x, e.nextStepIndex());
        return x;
    }

    /** Active again where it stopped: no end, no finish reason, no exclusion; steps and start kept. */
    private static Enrollment reopen(Enrollment x, int nextStepIndex) {
        return x.toBuilder().endedAt(null).nextStepIndex(nextStepIndex).block(null, null).pause(null, null)
                .finishReason(null).canceled(false).excludedBy(List.of()).build();
    }

    private static PersonState update(PersonState s, String enrollmentId, UnaryOperator<Enrollment> change) {
        if (enrollmentId == null || s.enrollment(enrollmentId).isEmpty()) {
            return s;
        }
        List<Enrollment> enrollments = s.enrollments().stream()
                .map(x -> x.id().equals(enrollmentId) ? change.apply(x) : x)
                .toList();
        return withEnrollments(s, enrollments);
    }

    private static PersonState withEnrollments(PersonState s, List<Enrollment> enrollments) {
        return new PersonState(s.orgId(), s.personId(), enrollments, s.optedOutAt(), s.optOutSource(), s.erasedAt());
    }

    /** Ends an enrollment: reason, end time, and no pause, block or step in flight any more. */
    private static Enrollment finish(Enrollment x, FinishReason reason, boolean canceled, Instant at) {
        return x.toBuilder().updatedAt(at).endedAt(at).block(null, null).pause(null, null).finishReason(reason)
                .canceled(canceled).dispatched(null, null).build();
    }

    private static Enrollment bounced(Enrollment x) {
        return x.toBuilder().bounced(true).build();
    }

    private static Enrollment touch(Enrollment x, Instant at, String actor) {
        return x.toBuilder().updatedAt(at).updatedBy(actor).build();
    }
}
