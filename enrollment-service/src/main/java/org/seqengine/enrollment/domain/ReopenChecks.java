package org.seqengine.enrollment.domain;

import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.EnrollmentCommand.ReopenEnrollment;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.EnrollmentEvent.Reopened;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * Reopening an Excluded enrollment (a restore): the enrollment ended as Excluded (by the rule, when
 * one is named) and the person is eligible now, checked in the rule book's order, first failure wins:
 * <ol>
 *   <li>ENROLLMENT_NOT_FOUND, ENROLLMENT_NOT_EXCLUDED</li>
 *   <li>SEQUENCE_NOT_FOUND, SEQUENCE_NOT_PUBLISHED, PERSON_NOT_FOUND</li>
 *   <li>MAILBOX_NOT_FOUND (its mailbox was deleted)</li>
 *   <li>OPTED_OUT, DO_NOT_EMAIL, EMAIL_INVALID</li>
 *   <li>ALREADY_ENROLLED_ACTIVE (another enrollment is active)</li>
 *   <li>EXCLUDED (matching a rule that applies to the sequence now; every applying rule is listed)</li>
 * </ol>
 * Re-enrollment rules do not apply: this is the same enrollment, not a new one. Reopened, it
 * continues at the step where it stopped.
 */
final class ReopenChecks {

    private ReopenChecks() {}

    static List<EnrollmentEvent> decide(ReopenEnrollment c, PersonState state, DecisionContext ctx) {
        EventEmitter out = new EventEmitter(c.meta(), ctx.now());
        Optional<Enrollment> found = c.enrollmentId() == null ? Optional.empty() : state.enrollment(c.enrollmentId());
        if (found.isEmpty()) {
            return reject(c, null, out, List.of(Rejection.of(RejectionCode.ENROLLMENT_NOT_FOUND)), null);
        }
        Enrollment e = found.get();
        List<Rejection> rejections = rejections(c, e, state, ctx);
        if (rejections.isEmpty() && c.companySlot() != null && !c.companySlot().granted()) {
            rejections = List.of(CompanyLimit.rejection(c.companySlot()));
        }
        if (rejections.isEmpty() && c.companySlot() == null && CompanyLimit.limitFor(
                ctx.reference().sequence(e.sequenceId()).orElseThrow(), ctx.reference().person(e.personId()).orElse(null),
                e.id(), ctx.reference()).isPresent()) {
            return List.of(); // awaiting its slot: handle() sends it to the company ledger first
        }
        if (!rejections.isEmpty()) {
            Enrollment active = rejections.get(0).code() == RejectionCode.ALREADY_ENROLLED_ACTIVE
                    ? state.active().orElse(null) : null;
            return reject(c, e, out, rejections, active);
        }
        out.emit(new Reopened(out.next(), e.id(), e.nextStepIndex(), c.ruleId(), c.jobId()));
        return out.events();
    }

    /** The first failing check (EXCLUDED: every applying rule), or none. */
    static List<Rejection> rejections(ReopenEnrollment c, Enrollment e, PersonState state, DecisionContext ctx) {
        ReferenceData ref = ctx.reference();
        if (!e.isExcluded() || (c.ruleId() != null && !e.isExcludedBy(c.ruleId()))) {
            return List.of(Rejection.of(RejectionCode.ENROLLMENT_NOT_EXCLUDED));
        }
        Optional<Sequence> sequence = ref.sequence(e.sequenceId());
        if (sequence.isEmpty()) return List.of(Rejection.of(RejectionCode.SEQUENCE_NOT_FOUND));
        if (!sequence.get().published()) return List.of(Rejection.of(RejectionCode.SEQUENCE_NOT_PUBLISHED));
        Optional<Person> person = ref.person(e.personId());
        if (person.isEmpty()) return List.of(Rejection.of(RejectionCode.PERSON_NOT_FOUND));
        if (ref.mailbox(e.mailboxId()).isEmpty()) return List.of(Rejection.of(RejectionCode.MAILBOX_NOT_FOUND));
        Person who = person.get();
        if (state.optedOut() || who.emailOptOut()) return List.of(Rejection.of(RejectionCode.OPTED_OUT));
        if (who.doNotEmail()) return List.of(Rejection.of(RejectionCode.DO_NOT_EMAIL));
        if (!EmailAddresses.isPlausible(who.email()) || who.highBounceRisk()) {
            return List.of(Rejection.of(RejectionCode.EMAIL_INVALID));
        }
        if (state.active().isPresent()) return List.of(Rejection.of(RejectionCode.ALREADY_ENROLLED_ACTIVE));
        return ExclusionPolicy.enrollmentRejections(ref.exclusionMatches(who.id()),
                Rulesets.forSequence(sequence.get(), ref), ref);
    }

    private static List<EnrollmentEvent> reject(ReopenEnrollment c, Enrollment e, EventEmitter out,
                                                List<Rejection> rejections, Enrollment active) {
        out.emit(new EnrollmentRejected(out.next(), LifecycleDecisions.commandType(c), e == null ? null : e.sequenceId(),
                c.enrollmentId(), rejections, active == null ? null : active.sequenceId(),
                active == null ? null : active.id()));
        return out.events();
    }
}
