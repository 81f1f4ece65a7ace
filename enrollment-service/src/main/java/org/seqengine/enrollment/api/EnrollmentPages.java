package org.seqengine.enrollment.api;

import java.util.List;
import org.seqengine.enrollment.api.dto.EnrollmentPage;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.query.EnrollmentQueries;

/** A list read of up to {@code limit + 1} enrollments as a page: the extra one only says that another page follows. */
final class EnrollmentPages {

    private EnrollmentPages() {}

    static EnrollmentPage of(EnrollmentQueries queries, String orgId, List<Enrollment> read, int limit) {
        boolean more = read.size() > limit;
        List<Enrollment> data = more ? read.subList(0, limit) : read;
        return new EnrollmentPage(queries.views(orgId, data), more ? data.get(data.size() - 1).id() : null);
    }
}
