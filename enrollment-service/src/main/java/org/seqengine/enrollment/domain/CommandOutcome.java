package org.seqengine.enrollment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The first outcome of a decided command, remembered by command id (also when the command changed
 * nothing), so a repeated id (a retry, an Idempotency-Key, a redelivery) is answered with it and
 * changes nothing.
 *
 * @param enrollmentIds the enrollments the command created or changed; for an Enroll whose
 *                      enrollment already exists, that enrollment
 * @param rejections    empty when the command was applied (or was a no-op)
 */
public record CommandOutcome(String commandId, List<String> enrollmentIds, List<Rejection> rejections,
                             String activeSequenceId, String activeEnrollmentId) {

    public CommandOutcome {
        enrollmentIds = List.copyOf(enrollmentIds);
        rejections = List.copyOf(rejections);
    }

    /** The outcome of deciding {@code command} on {@code before}, which produced {@code events}. */
    static CommandOutcome of(EnrollmentCommand command, PersonState before, List<EnrollmentEvent> events) {
        String commandId = command.meta().commandId();
        List<String> touched = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        String activeSequenceId = null;
        String activeEnrollmentId = null;
        for (EnrollmentEvent event : events) {
            if (event instanceof EnrollmentEvent.OptedOut o) {
                touched.addAll(o.endedEnrollmentIds());
            } else if (EnrollmentEvolver.enrollmentIdOf(event) != null) {
                touched.add(EnrollmentEvolver.enrollmentIdOf(event));
            }
            if (event instanceof EnrollmentEvent.EnrollmentRejected r) {
                rejections.addAll(r.reasons());
                activeSequenceId = r.activeSequenceId() != null ? r.activeSequenceId() : activeSequenceId;
                activeEnrollmentId = r.activeEnrollmentId() != null ? r.activeEnrollmentId() : activeEnrollmentId;
            }
        }
        if (events.isEmpty() && command instanceof EnrollmentCommand.Enroll) {
            // an Enroll whose id has left the outcome window: it answers the enrollment it created
            String created = Ids.enrollmentId(command.meta().orgId(), commandId);
            before.enrollment(created).ifPresent(e -> touched.add(e.id()));
        }
        return new CommandOutcome(commandId, touched.stream().distinct().toList(), rejections, activeSequenceId,
                activeEnrollmentId);
    }
}
