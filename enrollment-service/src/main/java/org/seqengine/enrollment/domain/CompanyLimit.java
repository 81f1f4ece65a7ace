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
        String domain = domainOf(person);
        return limit == null || domain == null ? Optional.empty()
                : Optional.of(new SlotRequest(domain, enrollmentId, limit));
    }

    /**
     * The slot this command must get before it is decided: only for an Enroll or ReopenEnrollment that
     * passes every other check, has no answer yet, and enrolls at a capped company domain.
     */
    public static Optional<SlotRequest> needed(EnrollmentCommand command, PersonState state, DecisionContext ctx) {
        ReferenceData ref = ctx.reference();
        if (command instanceof Enroll enroll && enroll.companySlot() == null) {
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
            if (e.isEmpty() || !ReopenChecks.rejections(reopen, e.get(), state, ctx).isEmpty()) {
                return Optional.empty();
            }
            Sequence sequence = ref.sequence(e.get().sequenceId()).orElseThrow();
            return limitFor(sequence, ref.person(e.get().personId()).orElse(null), e.get().id(), ref);
        }
        return Optional.empty();
    }

    /** The rejection for a slot the ledger refused. */
    static Rejection rejection(CompanySlot denied) {
        return Rejection.companyLimit(denied.companyDomain(), denied.limit(), denied.activeCount());
    }
}
