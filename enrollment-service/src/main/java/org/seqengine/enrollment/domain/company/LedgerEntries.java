package org.seqengine.enrollment.domain.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.enrollment.domain.CompanyLimit;
import org.seqengine.enrollment.domain.CompanySlot;
import org.seqengine.enrollment.domain.Decision;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.EnrollmentEvent;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.reference.CompanyReplyPolicy;

/**
 * What one decision tells the company ledgers, in order: a reservation for a command awaiting its slot;
 * per changed enrollment with a company domain, Activated (it became active) or Finished (it ended);
 * Release for a granted slot the command did not turn into an active enrollment; Replied for a reply
 * that, by the organization's {@code stop_company_on_reply}, stops the replier's colleagues.
 */
public final class LedgerEntries {

    private LedgerEntries() {}

    public static List<LedgerEntry> forDecision(EnrollmentCommand command, Decision decision, PersonState before,
                                                PersonState after, ReferenceData reference, Instant at) {
        String org = command.meta().orgId();
        String person = command.meta().personId();
        List<LedgerEntry> out = new ArrayList<>();
        CompanyLimit.SlotRequest wait = decision.awaitingSlot();
        if (wait != null) {
            out.add(new LedgerEntry.Reserve(org, wait.companyDomain(), wait.enrollmentId(), person, wait.limit(),
                    command, at));
            return out;
        }
        Map<String, Enrollment> old = new HashMap<>();
        before.enrollments().forEach(e -> old.put(e.id(), e));
        for (Enrollment e : after.enrollments()) {
            Enrollment was = old.get(e.id());
            boolean wasActive = was != null && was.isActive();
            if (e.companyDomain() == null || wasActive == e.isActive()) {
                continue;
            }
            out.add(e.isActive()
                    ? new LedgerEntry.Activated(org, e.companyDomain(), e.id(), person, e.sequenceId(), at)
                    : new LedgerEntry.Finished(org, e.companyDomain(), e.id(), person, at));
        }
        CompanySlot slot = slotOf(command);
        if (slot != null && slot.granted()) {
            boolean used = after.enrollment(slot.enrollmentId()).map(Enrollment::isActive).orElse(false)
                    && !before.enrollment(slot.enrollmentId()).map(Enrollment::isActive).orElse(false);
            if (!used) {
                out.add(new LedgerEntry.Release(org, slot.companyDomain(), slot.enrollmentId(), person, at));
            }
        }
        CompanyReplyPolicy policy = null; // read only for a reply: the settings lookup is not free on every decision
        for (EnrollmentEvent event : decision.events()) {
            if (!(event instanceof EnrollmentEvent.Replied r)) {
                continue;
            }
            if (policy == null) {
                policy = reference.settings().stopCompanyOnReply();
            }
            if (policy.stopsColleagues(r.reply().classification())) {
                String domain = after.enrollment(r.enrollmentId()).map(Enrollment::companyDomain)
                        .orElseGet(() -> CompanyLimit.domainOf(reference.person(person).orElse(null)));
                if (domain != null) {
                    out.add(new LedgerEntry.Replied(org, domain, r.enrollmentId(), person, r.reply().classification(), at));
                }
            }
        }
        return out;
    }

    private static CompanySlot slotOf(EnrollmentCommand command) {
        if (command instanceof EnrollmentCommand.Enroll e) return e.companySlot();
        if (command instanceof EnrollmentCommand.ReopenEnrollment e) return e.companySlot();
        return null;
    }
}
