package org.seqengine.enrollment.domain;

import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * The enrollment rule book as a pure function pair (the Decider pattern): no Kafka, no clock,
 * no randomness. Ids of new events and enrollments are derived from the command id (see {@link Ids}),
 * so deciding the same command twice on the same state yields identical events.
 */
public final class EnrollmentDecider {

    private EnrollmentDecider() {}

    /**
     * Handles one command with idempotency: {@code decidedBefore} is the remembered first outcome of
     * this command id, if any (the caller keeps outcomes outside the person's state). A repeated id
     * yields no events and the first outcome; otherwise the command is decided and its outcome,
     * also for a no-op, is the one to remember.
     */
    public static Decision handle(EnrollmentCommand command, PersonState state, Optional<CommandOutcome> decidedBefore,
                                  DecisionContext ctx) {
        if (decidedBefore.isPresent()) {
            return new Decision(List.of(), decidedBefore.get(), true);
        }
        Optional<CompanyLimit.SlotRequest> slot = CompanyLimit.needed(command, state, ctx);
        if (slot.isPresent()) {
            return Decision.awaiting(slot.get());
        }
        List<EnrollmentEvent> events = decide(command, state, ctx);
        return new Decision(events, CommandOutcome.of(command, state, events), false);
    }

    /**
     * The events a command produces on this state, not knowing whether its id was seen before (see
     * {@link #handle}); empty for a no-op or an Enroll whose enrollment already exists.
     */
    public static List<EnrollmentEvent> decide(EnrollmentCommand command, PersonState state, DecisionContext ctx) {
        if (command instanceof EnrollmentCommand.Enroll enroll) {
            return decideEnroll(enroll, state, ctx);
        }
        if (command instanceof EnrollmentCommand.ReopenEnrollment reopen) {
            return ReopenChecks.decide(reopen, state, ctx);
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
            // this command already created its enrollment (its outcome has left the remembered window)
            return List.of();
        }
        EventEmitter out = new EventEmitter(meta, ctx.now());
        EnrollChecks.Outcome outcome = EnrollChecks.firstFailure(enroll, state, ctx);
        CompanySlot slot = enroll.companySlot();
        if (outcome.accepted() && slot != null && !slot.granted()) {
            outcome = new EnrollChecks.Outcome(List.of(CompanyLimit.rejection(slot)), null, 0);
        }
        if (outcome.accepted()) {
            // accepted: the sequence and the person exist
            Sequence sequence = ctx.reference().sequence(enroll.sequenceId()).orElseThrow();
            Person person = ctx.reference().person(meta.personId()).orElse(null);
            if (slot == null && CompanyLimit.limitFor(sequence, person, enrollmentId, ctx.reference()).isPresent()) {
                return List.of(); // awaiting its slot: handle() sends it to the company ledger first
            }
            // the slot's domain, where the ledger counts it (the person's domain may have changed since)
            String companyDomain = slot != null ? slot.companyDomain() : CompanyLimit.domainOf(person);
            out.emit(new EnrollmentEvent.Enrolled(out.next(), enrollmentId, enroll.sequenceId(),
                    outcome.mailbox().id(), outcome.startStepIndex(), sequence.version(),
                    TaskAssignment.assignee(sequence, outcome.mailbox(), person, meta.actor()), companyDomain));
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
