package org.seqengine.enrollment.domain;

import java.util.List;

/**
 * What handling one command produced.
 *
 * @param events    the new events (none for a duplicate or a no-op)
 * @param outcome   the answer to the command: the first outcome when {@code duplicate}
 * @param duplicate the command id had already been decided; nothing changed
 */
public record Decision(List<EnrollmentEvent> events, CommandOutcome outcome, boolean duplicate) {
    public Decision {
        events = List.copyOf(events);
    }
}
