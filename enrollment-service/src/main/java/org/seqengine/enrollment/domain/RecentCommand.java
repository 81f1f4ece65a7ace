package org.seqengine.enrollment.domain;

import java.util.List;

/**
 * The remembered outcome of a command already decided, so a repeated {@code commandId} (a retry, an
 * Idempotency-Key, a redelivery) is answered with the first outcome and yields no new events.
 *
 * @param enrollmentIds the enrollments the command created or changed
 * @param rejections    empty when the command was applied
 */
public record RecentCommand(String commandId, List<String> enrollmentIds, List<Rejection> rejections,
                            String activeSequenceId, String activeEnrollmentId) {
    public RecentCommand {
        enrollmentIds = List.copyOf(enrollmentIds);
        rejections = List.copyOf(rejections);
    }
}
