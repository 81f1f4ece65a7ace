package org.seqengine.enrollment.domain.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.enrollment.domain.ColleagueReply;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.CompanySlot;
import org.seqengine.enrollment.domain.EnrollmentCommand;

/**
 * The company ledger of one domain as a pure decider: which enrollments are active there and which
 * slots are reserved for commands still being decided. It is the only place that counts a company,
 * so "at most N active per company" holds by construction: one task owns a domain and handles its
 * entries one at a time, and a slot is counted from the moment it is granted until the decider
 * reports the enrollment finished or the slot unused.
 */
public final class CompanyLedger {

    private CompanyLedger() {}

    /** An active enrollment or a reserved slot. */
    public record Member(String enrollmentId, String personId, String sequenceId, Instant since) {}

    /** A domain's state; both maps are keyed by enrollment id, in insertion order. */
    public record State(String orgId, String companyDomain, Map<String, Member> active, Map<String, Member> reserved) {
        public State {
            active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
            reserved = Collections.unmodifiableMap(new LinkedHashMap<>(reserved));
        }

        public static State empty(String orgId, String companyDomain) {
            return new State(orgId, companyDomain, Map.of(), Map.of());
        }

        /** Active enrollments plus reserved slots: what a new slot is measured against. */
        public int count() {
            return active.size() + reserved.size();
        }
    }

    /** The commands an entry makes the ledger send (each to its person's decider), and the next state. */
    public record Result(List<EnrollmentCommand> commands, State next) {
        public Result {
            commands = List.copyOf(commands);
        }
    }

    public static Result handle(LedgerEntry entry, State state) {
        if (entry instanceof LedgerEntry.Reserve r) {
            return reserve(r, state);
        }
        if (entry instanceof LedgerEntry.Replied r) {
            return new Result(stopColleagues(r, state), state);
        }
        return new Result(List.of(), evolve(state, entry));
    }

    /** The state after an entry that only changes the count. */
    static State evolve(State s, LedgerEntry entry) {
        Map<String, Member> active = new LinkedHashMap<>(s.active());
        Map<String, Member> reserved = new LinkedHashMap<>(s.reserved());
        if (entry instanceof LedgerEntry.Activated a) {
            reserved.remove(a.enrollmentId());
            active.putIfAbsent(a.enrollmentId(), new Member(a.enrollmentId(), a.personId(), a.sequenceId(), a.at()));
        } else if (entry instanceof LedgerEntry.Release r) {
            reserved.remove(r.enrollmentId());
        } else if (entry instanceof LedgerEntry.Finished f) {
            active.remove(f.enrollmentId());
            reserved.remove(f.enrollmentId());
        }
        return new State(s.orgId(), s.companyDomain(), active, reserved);
    }

    /**
     * A slot is granted when the count is below the limit. A repeated request for an enrollment already
     * counted (a redelivered or retried command) is granted again without counting it twice; the decider
     * releases whatever it does not use.
     */
    private static Result reserve(LedgerEntry.Reserve r, State s) {
        boolean counted = s.active().containsKey(r.enrollmentId()) || s.reserved().containsKey(r.enrollmentId());
        int others = counted ? s.count() - 1 : s.count();
        boolean granted = counted || others < r.limit();
        State next = s;
        if (granted && !counted) {
            Map<String, Member> reserved = new LinkedHashMap<>(s.reserved());
            reserved.put(r.enrollmentId(), new Member(r.enrollmentId(), r.personId(), null, r.at()));
            next = new State(s.orgId(), s.companyDomain(), s.active(), reserved);
        }
        CompanySlot slot = new CompanySlot(r.companyDomain(), r.enrollmentId(), granted, r.limit(), others);
        return new Result(List.of(answered(r.command(), slot)), next);
    }

    private static EnrollmentCommand answered(EnrollmentCommand command, CompanySlot slot) {
        if (command instanceof EnrollmentCommand.Enroll e) return e.withCompanySlot(slot);
        if (command instanceof EnrollmentCommand.ReopenEnrollment e) return e.withCompanySlot(slot);
        throw new IllegalArgumentException("no slot is asked for by " + command.getClass().getSimpleName());
    }

    /**
     * One stop per colleague's active enrollment, its command id derived from the reply's enrollment and
     * the target, so replies arriving together (and redeliveries) stop each enrollment once.
     */
    private static List<EnrollmentCommand> stopColleagues(LedgerEntry.Replied r, State s) {
        List<EnrollmentCommand> stops = new ArrayList<>();
        ColleagueReply reply = new ColleagueReply(r.personId(), r.enrollmentId(), r.classification(), r.companyDomain());
        for (Member m : s.active().values()) {
            if (m.personId().equals(r.personId())) {
                continue;
            }
            CommandMeta meta = new CommandMeta(stopCommandId(r.enrollmentId(), m.enrollmentId()), r.orgId(),
                    m.personId(), r.at(), "company-ledger", "colleague replied");
            stops.add(new EnrollmentCommand.StopForColleagueReply(meta, m.enrollmentId(), reply));
        }
        return stops;
    }

    static String stopCommandId(String repliedEnrollmentId, String targetEnrollmentId) {
        return "colleague-replied:" + repliedEnrollmentId + ":" + targetEnrollmentId;
    }
}
