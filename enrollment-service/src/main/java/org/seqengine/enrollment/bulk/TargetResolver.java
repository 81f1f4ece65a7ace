package org.seqengine.enrollment.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentStatus;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.EnrollmentIndexKeys;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.PersonRecord;

/** A job's targets, from the enrollment indexes of the whole cluster (never a scan of the organization's people). */
@ApplicationScoped
public class TargetResolver {

    static final int PAGE = 1_000;
    /** Skip reason of given enrollment ids that match no active enrollment. */
    static final String NO_ACTIVE_ENROLLMENT = "NO_ACTIVE_ENROLLMENT";

    /**
     * One target of a job: what its command is about ({@code id}: an enrollment, or for an ERASE job
     * the person) and the person whose command stream it goes to (the command's key).
     */
    public record Target(String id, String personId) {
        static Target of(Enrollment e) {
            return new Target(e.id(), e.personId());
        }
    }

    /**
     * The targets to command, and the targets settled at once as skipped, by reason (ids that
     * matched none, enrollments the index already shows cannot be changed).
     */
    public record Targets(List<Target> commanded, Map<String, Integer> skipped) {
        public Targets {
            commanded = List.copyOf(commanded);
            skipped = Map.copyOf(skipped);
        }

        /** These enrollments commanded, and the skipped ones by reason. */
        static Targets of(List<Enrollment> enrollments, Map<String, Integer> skipped) {
            return new Targets(enrollments.stream().map(Target::of).toList(), skipped);
        }

        static Targets of(List<Enrollment> enrollments) {
            return of(enrollments, Map.of());
        }

        public int skippedCount() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int total() {
            return commanded.size() + skippedCount();
        }
    }

    @Inject
    EnrollmentQueries queries;

    public Targets byEnrollmentIds(String orgId, List<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<Enrollment> active = queries.indexedEnrollments(orgId, distinct).stream().filter(Enrollment::isActive).toList();
        int unmatched = distinct.size() - active.size();
        return Targets.of(active, unmatched == 0 ? Map.of() : Map.of(NO_ACTIVE_ENROLLMENT, unmatched));
    }

    public Targets bySequence(String orgId, String sequenceId) {
        return Targets.of(activeOfSequence(orgId, sequenceId));
    }

    /** People whose company domain is one of these now (the index is re-checked against the person record). */
    public Targets byCompanyDomains(String orgId, List<String> domains) {
        Map<String, Enrollment> targets = new LinkedHashMap<>();
        for (String domain : new LinkedHashSet<>(domains)) {
            for (Enrollment e : scan(EnrollmentIndexKeys.activeByDomain(orgId, domain), e -> e.isActive() && domain.equals(
                    queries.record(GlobalTable.PEOPLE, orgId, e.personId()).map(PersonRecord::getCompanyDomain).orElse(null)))) {
                targets.putIfAbsent(e.id(), e);
            }
        }
        return Targets.of(new ArrayList<>(targets.values()));
    }

    /** Enrollments the rule ended as Excluded at or after {@code since}: one index prefix, that rule's exclusions only. */
    public Targets excludedBy(String orgId, String ruleId, Instant since) {
        return Targets.of(scan(EnrollmentIndexKeys.excludedByRule(orgId, ruleId),
                e -> e.isExcludedBy(ruleId) && e.endedAt() != null && !e.endedAt().isBefore(since)));
    }

    /**
     * The person alone (an ERASE job): known or not, with enrollments or none. The decider erases
     * whatever it holds, so an unknown person is a job too, settled at once by the decider.
     */
    public Targets person(String personId) {
        return new Targets(List.of(new Target(personId, personId)), Map.of());
    }

    /** Every active enrollment of the sequence (the decider decides which ones may still change). */
    public List<Enrollment> activeOfSequence(String orgId, String sequenceId) {
        return scan(EnrollmentIndexKeys.bySequenceAndStatus(orgId, sequenceId, EnrollmentStatus.IN_PROGRESS.name()),
                Enrollment::isActive);
    }

    private List<Enrollment> scan(String prefix, Predicate<Enrollment> keep) {
        List<Enrollment> result = new ArrayList<>();
        String cursor = null;
        while (true) {
            List<Enrollment> page = queries.page(prefix, cursor, PAGE);
            List<Enrollment> data = page.size() > PAGE ? page.subList(0, PAGE) : page;
            data.stream().filter(Objects::nonNull).filter(keep).forEach(result::add);
            if (page.size() <= PAGE) return result;
            cursor = data.get(data.size() - 1).id();
        }
    }
}
