package org.seqengine.enrollment.domain;

import java.util.List;

/**
 * The enrollment rule book as a pure function pair (the Decider pattern): no Kafka, no clock,
 * no randomness. Ids of new events and enrollments are derived from the command id (see {@link Ids}),
 * so deciding the same command twice on the same state yields identical events.
 */
public final class EnrollmentDecider {

    private EnrollmentDecider() {}

    /** The events a command produces on this state; empty for a repeated command id or a no-op. */
    public static List<EnrollmentEvent> decide(EnrollmentCommand command, PersonState state, DecisionContext ctx) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The state after one event. */
    public static PersonState evolve(PersonState state, EnrollmentEvent event) {
        throw new UnsupportedOperationException("TODO");
    }

    public static PersonState evolveAll(PersonState state, List<EnrollmentEvent> events) {
        PersonState s = state;
        for (EnrollmentEvent e : events) {
            s = evolve(s, e);
        }
        return s;
    }
}
