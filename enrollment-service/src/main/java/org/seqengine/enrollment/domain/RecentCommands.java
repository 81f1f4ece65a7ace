package org.seqengine.enrollment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the outcome of each decided command id (one {@link RecentCommand} per id), keeping the
 * last {@link PersonState#RECENT_COMMANDS_KEPT}, oldest dropped first.
 */
final class RecentCommands {

    private RecentCommands() {}

    static List<RecentCommand> record(List<RecentCommand> recent, EnrollmentEvent event) {
        String commandId = event.meta().commandId();
        List<String> touched = touchedEnrollments(event);
        List<Rejection> rejections = List.of();
        String activeSequenceId = null;
        String activeEnrollmentId = null;
        if (event instanceof EnrollmentEvent.EnrollmentRejected r) {
            rejections = r.reasons();
            activeSequenceId = r.activeSequenceId();
            activeEnrollmentId = r.activeEnrollmentId();
        }

        List<RecentCommand> out = new ArrayList<>(recent);
        for (int i = out.size() - 1; i >= 0; i--) {
            RecentCommand c = out.get(i);
            if (c.commandId().equals(commandId)) {
                out.set(i, merge(c, touched, rejections, activeSequenceId, activeEnrollmentId));
                return out;
            }
        }
        out.add(new RecentCommand(commandId, dedupe(touched), rejections, activeSequenceId, activeEnrollmentId));
        while (out.size() > PersonState.RECENT_COMMANDS_KEPT) {
            out.remove(0);
        }
        return out;
    }

    private static RecentCommand merge(RecentCommand c, List<String> touched, List<Rejection> rejections,
                                       String activeSequenceId, String activeEnrollmentId) {
        List<String> ids = new ArrayList<>(c.enrollmentIds());
        ids.addAll(touched);
        List<Rejection> allRejections = new ArrayList<>(c.rejections());
        allRejections.addAll(rejections);
        return new RecentCommand(c.commandId(), dedupe(ids), allRejections,
                activeSequenceId != null ? activeSequenceId : c.activeSequenceId(),
                activeEnrollmentId != null ? activeEnrollmentId : c.activeEnrollmentId());
    }

    private static List<String> dedupe(List<String> ids) {
        return ids.stream().distinct().toList();
    }

    private static List<String> touchedEnrollments(EnrollmentEvent event) {
        if (event instanceof EnrollmentEvent.OptedOut o) {
            return o.endedEnrollmentIds();
        }
        String id = EnrollmentEvolver.enrollmentIdOf(event);
        return id == null ? List.of() : List.of(id);
    }
}
