package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the decider knows about one person (the unit of consistency: one task owns it).
 *
 * @param enrollments    every enrollment, active and finished, oldest first
 * @param optedOutAt     when the person opted out in this system, null if not opted out
 * @param recentCommands the last {@link #RECENT_COMMANDS_KEPT} commands decided, oldest first
 */
public record PersonState(String orgId, String personId, List<Enrollment> enrollments, Instant optedOutAt,
                          OptOutSource optOutSource, List<RecentCommand> recentCommands) {

    public static final int RECENT_COMMANDS_KEPT = 256;

    public PersonState {
        enrollments = List.copyOf(enrollments);
        recentCommands = List.copyOf(recentCommands);
    }

    public static PersonState empty(String orgId, String personId) {
        return new PersonState(orgId, personId, List.of(), null, null, List.of());
    }

    public boolean optedOut() {
        return optedOutAt != null;
    }

    public Optional<Enrollment> active() {
        return enrollments.stream().filter(Enrollment::isActive).findFirst();
    }

    public Optional<Enrollment> enrollment(String enrollmentId) {
        return enrollments.stream().filter(e -> e.id().equals(enrollmentId)).findFirst();
    }

    public Optional<RecentCommand> recent(String commandId) {
        return recentCommands.stream().filter(c -> c.commandId().equals(commandId)).findFirst();
    }
}
