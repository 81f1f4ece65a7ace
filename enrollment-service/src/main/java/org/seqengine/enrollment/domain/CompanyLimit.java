package org.seqengine.enrollment.domain;

import java.util.Optional;
import org.seqengine.enrollment.domain.EnrollmentCommand.Enroll;
import org.seqengine.enrollment.domain.EnrollmentCommand.ReopenEnrollment;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.filter.Domains;

/**
 * {@code max_active_enrollments_per_company} (a ruleset setting): the decider is keyed by person and
 * cannot count a company's enrollments, so a command that would make an enrollment active at a capped
 * company first goes to the company ledger (keyed by domain, one task per domain) for a slot, and comes
 * back with the answer in {@link CompanySlot}. Only commands that pass every other check ask.
 */
public final class CompanyLimit {

    private CompanyLimit() {}

    /** What the decider asks the company ledger for: a slot for {@code enrollmentId} at the domain. */
    public record SlotRequest(String companyDomain, String enrollmentId, int limit) {}

    /** The person's company domain, normalized as everywhere else; null when none or not a domain. */
    public static String domainOf(Person person) {
        return person == null ? null : Domains.normalize(person.companyDomain());
    }

    /** The limit for enrolling {@code person} in {@code sequence}: empty when none applies or the person has no domain. */
    public static Optional<SlotRequest> limitFor(Sequence sequence, Person person, String enrollmentId, ReferenceData ref) {
        Integer limit = Rulesets.forSequence(sequence, ref).maxActiveEnrollmentsPerCompany();
        String domain = limit == null ? null : domainOf(person);
        return domain == null ? Optional.empty() : Optional.of(new SlotRequest(domain, enrollmentId, limit));
    }

    /**
     * The slot this command must get before it is decided: only for an Enroll or ReopenEnrollment that
     * passes every other check, has no answer yet, and enrolls at a capped company domain.
     */
    public static Optional<SlotRequest> needed(EnrollmentCommand command, PersonState state, DecisionContext ctx) {
        ReferenceData ref = ctx.reference();
        if (command instanceof Enroll enroll && enroll.companySlot() == null) {
            // the cheap question first: most enrolls go to sequences whose ruleset has no cap, and the
            // checks would otherwise run twice for every one of them (measured: decide -34 %)
            Optional<Sequence> sequence = enroll.sequenceId() == null ? Optional.empty() : ref.sequence(enroll.sequenceId());
            if (sequence.isEmpty() || !capped(sequence.get(), ref)) {
                return Optional.empty();
            }
            if (!EnrollChecks.firstFailure(enroll, state, ctx).accepted()) {
                return Optional.empty();
            }
            String enrollmentId = Ids.enrollmentId(enroll.meta().orgId(), enroll.meta().commandId());
            if (state.enrollment(enrollmentId).isPresent()) {
                return Optional.empty();
            }
            return limitFor(ref.sequence(enroll.sequenceId()).orElseThrow(),
                    ref.person(enroll.meta().personId()).orElse(null), enrollmentId, ref);
        }
        if (command instanceof ReopenEnrollment reopen && reopen.companySlot() == null) {
            Optional<Enrollment> e = state.enrollment(reopen.enrollmentId());
            Optional<Sequence> sequence = e.flatMap(x -> ref.sequence(x.sequenceId()));
            if (sequence.isEmpty() || !capped(sequence.get(), ref)
                    || !ReopenChecks.rejections(reopen, e.get(), state, ctx).isEmpty()) {
                return Optional.empty();
            }
            return limitFor(sequence.get(), ref.person(e.get().personId()).orElse(null), e.get().id(), ref);
        }
        return Optional.empty();
    }

    private static boolean capped(Sequence sequence, ReferenceData ref) {
        return Rulesets.forSequence(sequence, ref).maxActiveEnrollmentsPerCompany() != null;
    }

    /** The rejection for a slot the ledger refused. */
    static Rejection rejection(CompanySlot denied) {
        return Rejection.companyLimit(denied.companyDomain(), denied.limit(), denied.activeCount());
    }
}
