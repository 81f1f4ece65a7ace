package org.seqengine.enrollment.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Active enrollments to unenroll, and how many given ids matched none. */
    public record Targets(List<Enrollment> active, int unmatched) {}

    @Inject
    EnrollmentQueries queries;

    public Targets byEnrollmentIds(String orgId, List<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<Enrollment> active = queries.indexedEnrollments(orgId, distinct).stream().filter(Enrollment::isActive).toList();
        return new Targets(active, distinct.size() - active.size());
    }

    public Targets bySequence(String orgId, String sequenceId) {
        return new Targets(all(EnrollmentIndexKeys.bySequenceAndStatus(orgId, sequenceId, EnrollmentStatus.IN_PROGRESS.name()), e -> true), 0);
    }

    /** People whose company domain is one of these now (the index is re-checked against the person record). */
    public Targets byCompanyDomains(String orgId, List<String> domains) {
        Map<String, Enrollment> targets = new LinkedHashMap<>();
        for (String domain : new LinkedHashSet<>(domains)) {
            for (Enrollment e : all(EnrollmentIndexKeys.activeByDomain(orgId, domain), e -> domain.equals(
                    queries.record(GlobalTable.PEOPLE, orgId, e.personId()).map(PersonRecord::getCompanyDomain).orElse(null)))) {
                targets.putIfAbsent(e.id(), e);
            }
        }
        return new Targets(new ArrayList<>(targets.values()), 0);
    }

    private List<Enrollment> all(String prefix, java.util.function.Predicate<Enrollment> keep) {
        List<Enrollment> result = new ArrayList<>();
        String cursor = null;
        while (true) {
            List<Enrollment> page = queries.page(prefix, cursor, PAGE);
            List<Enrollment> data = page.size() > PAGE ? page.subList(0, PAGE) : page;
            data.stream().filter(Enrollment::isActive).filter(keep).filter(Objects::nonNull).forEach(result::add);
            if (page.size() <= PAGE) return result;
            cursor = data.get(data.size() - 1).id();
        }
    }
}
