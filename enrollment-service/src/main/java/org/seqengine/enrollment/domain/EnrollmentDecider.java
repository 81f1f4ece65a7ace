package org.seqengine.enrollment.domain;

import java.util.List;

/**
 * The enrollment rule book as a pure function pair (the Decider pattern): no Kafka, no clock,
 * no randomness. Ids of new events and enrollments are derived from the command id (see {@link Ids}),
 * so deciding the same command twice on the same state yields identical events.
 */
public final class EnrollmentDecider {

    private EnrollmentDecider() {}

    /** The events a command produces on this state; empty for a repeated command id or a no-op. */
    public static List<EnrollmentEvent> decide(EnrollmentCommand command, PersonState state, DecisionContext ctx) {
        if (state.recent(command.meta().commandId()).isPresent()) {
            return List.of();
        }
        if (command instanceof EnrollmentCommand.Enroll enroll) {
            return decideEnroll(enroll, state, ctx);
        }
        return LifecycleDecisions.decide(command, state, ctx);
    }

    /** The state after one event. */
    public static PersonState evolve(PersonState state, EnrollmentEvent event) {
        return EnrollmentEvolver.evolve(state, event);
    }

    private static List<EnrollmentEvent> decideEnroll(EnrollmentCommand.Enroll enroll, PersonState state,
                                                      DecisionContext ctx) {
        CommandMeta meta = enroll.meta();
        String enrollmentId = Ids.enrollmentId(meta.orgId(), meta.commandId());
        if (state.enrollment(enrollmentId).isPresent()) {
            // this command already created its enrollment (its id has left the recent-command window)
            return List.of();
        }
        EventEmitter out = new EventEmitter(meta, ctx.now());
        EnrollChecks.Outcome outcome = EnrollChecks.firstFailure(enroll, state, ctx);
        if (outcome.accepted()) {
            out.emit(new EnrollmentEvent.Enrolled(out.next(), enrollmentId, enroll.sequenceId(),
                    outcome.mailbox().id(), outcome.startStepIndex()));
        } else {
            boolean activeConflict = outcome.rejections().stream()
                    .anyMatch(r -> r.code() == RejectionCode.ALREADY_ENROLLED_ACTIVE);
            Enrollment active = activeConflict ? state.active().orElse(null) : null;
            out.emit(new EnrollmentEvent.EnrollmentRejected(out.next(), "Enroll", enroll.sequenceId(), null,
                    outcome.rejections(), active == null ? null : active.sequenceId(),
                    active == null ? null : active.id()));
        }
        return out.events();
    }

    public static PersonState evolveAll(PersonState state, List<EnrollmentEvent> events) {
        PersonState s = state;
        for (EnrollmentEvent e : events) {
            s = evolve(s, e);
        }
        return s;
    }
}
