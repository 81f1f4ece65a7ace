package org.seqengine.enrollment.mapping;

import org.seqengine.enrollment.domain.EnrollmentEvent;
import org.seqengine.enrollment.domain.EnrollmentEvent.*;
import org.seqengine.enrollment.domain.EventMeta;
import org.seqengine.schemas.avro.*;

/** Domain events to the wire ({@link EventEnvelope}) for {@code enrollment.events.v1}. */
public final class EventMapper {

    private EventMapper() {}

    public static EventEnvelope toAvro(EnrollmentEvent event) {
        EventMeta m = event.meta();
        return EventEnvelope.newBuilder()
                .setEventId(m.eventId()).setCommandId(m.commandId()).setOrgId(m.orgId()).setPersonId(m.personId())
                .setOccurredAt(m.occurredAt()).setActor(m.actor())
                .setEnrollmentId(enrollmentIdOf(event))
                .setPayload(payload(event))
                .build();
    }

    public static String enrollmentIdOf(EnrollmentEvent e) {
        if (e instanceof Enrolled x) return x.enrollmentId();
        if (e instanceof EnrollmentRejected x) return x.enrollmentId();
        if (e instanceof StepCompleted x) return x.enrollmentId();
        if (e instanceof Completed x) return x.enrollmentId();
        if (e instanceof Unenrolled x) return x.enrollmentId();
        if (e instanceof Paused x) return x.enrollmentId();
        if (e instanceof Resumed x) return x.enrollmentId();
        if (e instanceof Blocked x) return x.enrollmentId();
        if (e instanceof Unblocked x) return x.enrollmentId();
        if (e instanceof Bounced x) return x.enrollmentId();
        if (e instanceof BounceStopped x) return x.enrollmentId();
        if (e instanceof Replied x) return x.enrollmentId();
        if (e instanceof Excluded x) return x.enrollmentId();
        if (e instanceof MailboxReassigned x) return x.enrollmentId();
        if (e instanceof Reopened x) return x.enrollmentId();
        if (e instanceof StepDispatched x) return x.enrollmentId();
        if (e instanceof EnrollmentUpgraded x) return x.enrollmentId();
        return null; // person-level: OptedOut, OptOutCleared
    }

    private static Object payload(EnrollmentEvent e) {
        if (e instanceof Enrolled x) return new EnrolledEvent(x.sequenceId(), x.mailboxId(), x.startStepIndex(),
                x.sequenceVersion(), x.taskAssigneeId(), x.companyDomain());
        if (e instanceof EnrollmentRejected x) {
            return new EnrollmentRejectedEvent(x.commandType(), x.sequenceId(), StateMapper.rejectionsToAvro(x.reasons()),
                    x.activeSequenceId(), x.activeEnrollmentId());
        }
        if (e instanceof StepCompleted x) return new StepCompletedEvent(x.stepIndex());
        if (e instanceof Completed) return new CompletedEvent();
        if (e instanceof Unenrolled x) {
            return new UnenrolledEvent(x.finishReason().name(), x.canceled(), CompanyMapper.toAvro(x.colleagueReply()));
        }
        if (e instanceof OptedOut x) return new OptedOutEvent(x.source().name(), x.endedEnrollmentIds());
        if (e instanceof OptOutCleared x) return new OptOutClearedEvent(x.permissionNote());
        if (e instanceof Paused x) return new PausedEvent(x.pauseReason().name(), x.resumeAt());
        if (e instanceof Resumed) return new ResumedEvent();
        if (e instanceof Blocked x) return new BlockedEvent(x.blockReason().name(), x.variables());
        if (e instanceof Unblocked) return new UnblockedEvent();
        if (e instanceof Bounced) return new BouncedEvent();
        if (e instanceof BounceStopped) return new BounceStoppedEvent();
        if (e instanceof Replied x) return new RepliedEvent(StateMapper.replyToAvro(x.reply()), x.finishes());
        if (e instanceof EnrollmentEvent.PersonErased x) {
            return new PersonErasedEvent(x.enrollmentsEnded(), x.enrollmentsKept(), x.suppressed());
        }
        if (e instanceof Excluded x) return new ExcludedEvent(ExclusionMatchMapper.toAvro(x.matches()));
        if (e instanceof MailboxReassigned x) return new MailboxReassignedEvent(x.fromMailboxId(), x.toMailboxId());
        if (e instanceof Reopened x) return new ReopenedEvent(x.nextStepIndex(), x.ruleId(), x.jobId());
        if (e instanceof StepDispatched x) {
            return new StepDispatchedEvent(x.stepIndex(), x.attempt(), x.stepType().name(), x.sendRequestId(),
                    x.mailboxId());
        }
        if (e instanceof EnrollmentUpgraded x) {
            return new EnrollmentUpgradedEvent(x.fromVersion(), x.toVersion(), x.jobId());
        }
        throw new IllegalArgumentException("unmapped event " + e.getClass().getSimpleName());
    }
}
