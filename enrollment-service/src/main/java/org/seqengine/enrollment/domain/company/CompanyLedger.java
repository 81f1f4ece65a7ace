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
 *
 * <p>It reads the domain through a {@link View} and answers with {@link Change}s rather than a whole
 * new state, so the processor keeps one small store entry per member (a large company's ledger is never
 * one large record) and a count per domain.
 */
public final class CompanyLedger {

    private CompanyLedger() {}

    /** An active enrollment or a reserved slot. */
    public record Member(String enrollmentId, String personId, String sequenceId, Instant since) {}

    /** Whether a member is an active enrollment or a reserved slot. */
    public enum Kind { ACTIVE, RESERVED }

    /** One change to a domain's members. */
    public sealed interface Change {
        record Added(Kind kind, Member member) implements Change {}

        record Removed(Kind kind, String enrollmentId) implements Change {}
    }

    /** What the ledger reads of one domain. */
    public interface View {
        int count(Kind kind);

        boolean contains(Kind kind, String enrollmentId);

        /** The active members, for stopping colleagues (the only read that grows with the company). */
        List<Member> active();
    }

    /** The commands an entry makes the ledger send (each to its person's decider), and the changes to its members. */
    public record Result(List<EnrollmentCommand> commands, List<Change> changes) {
        public Result {
            commands = List.copyOf(commands);
            changes = List.copyOf(changes);
        }
    }

    public static Result handle(LedgerEntry entry, View view) {
        List<Change> changes = new ArrayList<>();
        List<EnrollmentCommand> commands = new ArrayList<>();
        String id = entry.enrollmentId();
        if (entry instanceof LedgerEntry.Reserve r) {
            commands.add(reserve(r, view, changes));
        } else if (entry instanceof LedgerEntry.Activated a) {
            if (view.contains(Kind.RESERVED, id)) changes.add(new Change.Removed(Kind.RESERVED, id));
            if (!view.contains(Kind.ACTIVE, id)) {
                changes.add(new Change.Added(Kind.ACTIVE, new Member(id, a.personId(), a.sequenceId(), a.at())));
            }
        } else if (entry instanceof LedgerEntry.Release) {
            if (view.contains(Kind.RESERVED, id)) changes.add(new Change.Removed(Kind.RESERVED, id));
        } else if (entry instanceof LedgerEntry.Finished) {
            if (view.contains(Kind.ACTIVE, id)) changes.add(new Change.Removed(Kind.ACTIVE, id));
            if (view.contains(Kind.RESERVED, id)) changes.add(new Change.Removed(Kind.RESERVED, id));
        } else if (entry instanceof LedgerEntry.Replied r) {
            commands.addAll(stopColleagues(r, view));
        }
        return new Result(commands, changes);
    }

    /**
     * A slot is granted when active + reserved is below the limit. A repeated request for an enrollment
     * already counted (a redelivered or retried command) is granted again without counting it twice; the
     * decider releases whatever it does not use.
     */
    private static EnrollmentCommand reserve(LedgerEntry.Reserve r, View view, List<Change> changes) {
        String id = r.enrollmentId();
        boolean counted = view.contains(Kind.ACTIVE, id) || view.contains(Kind.RESERVED, id);
        int count = view.count(Kind.ACTIVE) + view.count(Kind.RESERVED);
        int others = counted ? count - 1 : count;
        boolean granted = counted || others < r.limit();
        if (granted && !counted) {
            changes.add(new Change.Added(Kind.RESERVED, new Member(id, r.personId(), null, r.at())));
        }
        CompanySlot slot = new CompanySlot(r.companyDomain(), id, granted, r.limit(), others);
        EnrollmentCommand command = r.command();
        if (command instanceof EnrollmentCommand.Enroll e) return e.withCompanySlot(slot);
        if (command instanceof EnrollmentCommand.ReopenEnrollment e) return e.withCompanySlot(slot);
        throw new IllegalArgumentException("no slot is asked for by " + command.getClass().getSimpleName());
    }

    /**
     * One stop per colleague's active enrollment, its command id derived from the reply's enrollment and
     * the target, so replies arriving together (and redeliveries) stop each enrollment once.
     */
    private static List<EnrollmentCommand> stopColleagues(LedgerEntry.Replied r, View view) {
        List<EnrollmentCommand> stops = new ArrayList<>();
        ColleagueReply reply = new ColleagueReply(r.personId(), r.enrollmentId(), r.classification(), r.companyDomain());
        for (Member m : view.active()) {
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

    /** A domain's members held in memory (tests, simulations): a {@link View} that applies {@link Change}s. */
    public static final class Members implements View {
        private final Map<Kind, Map<String, Member>> byKind = Map.of(Kind.ACTIVE, new LinkedHashMap<>(),
                Kind.RESERVED, new LinkedHashMap<>());

        public Members apply(List<Change> changes) {
            for (Change change : changes) {
                if (change instanceof Change.Added a) byKind.get(a.kind()).put(a.member().enrollmentId(), a.member());
                if (change instanceof Change.Removed r) byKind.get(r.kind()).remove(r.enrollmentId());
            }
            return this;
        }

        /** The members of one kind, by enrollment id, in the order they came. */
        public Map<String, Member> of(Kind kind) {
            return Collections.unmodifiableMap(byKind.get(kind));
        }

        @Override
        public int count(Kind kind) {
            return byKind.get(kind).size();
        }

        @Override
        public boolean contains(Kind kind, String enrollmentId) {
            return byKind.get(kind).containsKey(enrollmentId);
        }

        @Override
        public List<Member> active() {
            return List.copyOf(byKind.get(Kind.ACTIVE).values());
        }
    }
}
