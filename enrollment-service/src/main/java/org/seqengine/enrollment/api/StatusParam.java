package org.seqengine.enrollment.api;

import java.util.Locale;
import org.seqengine.enrollment.domain.DisplayStatus;
import org.seqengine.enrollment.domain.EnrollmentStatus;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/** The {@code status} filter of the enrollment lists. */
final class StatusParam {

    private StatusParam() {}

    /**
     * {@code status} accepts the API status (IN_PROGRESS, FINISHED) or a display status (QUEUED,
     * PAUSED, ...), in any case; the index holds both, so the name is the index segment. Null when
     * not given.
     */
    static String indexName(String status) {
        if (status == null) return null;
        String wanted = status.toUpperCase(Locale.ROOT);
        for (EnrollmentStatus s : EnrollmentStatus.values()) {
            if (s.name().equals(wanted)) return wanted;
        }
        for (DisplayStatus s : DisplayStatus.values()) {
            if (s.name().equals(wanted)) return wanted;
        }
        throw ApiException.badRequest(FieldError.of("invalid_status",
                "status must be one of IN_PROGRESS, FINISHED or a display status such as QUEUED, PAUSED.", "status"));
    }
}
