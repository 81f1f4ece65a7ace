package org.seqengine.enrollment.domain;

import java.util.List;

/**
 * What handling one command produced.
 *
 * @param events       the new events (none for a duplicate, a no-op or a command awaiting its slot)
 * @param outcome      the answer to the command: the first outcome when {@code duplicate}; null while
 *                     {@code awaitingSlot} (the command is answered when it comes back from the ledger)
 * @param duplicate    the command id had already been decided; nothing changed
 * @param awaitingSlot the command passed every check but needs a slot at a capped company first: it goes
 *                     to the company ledger, nothing is remembered or answered yet; else null
 */
public record Decision(List<EnrollmentEvent> events, CommandOutcome outcome, boolean duplicate,
                       CompanyLimit.SlotRequest awaitingSlot) {
    public Decision {
        events = List.copyOf(events);
    }

    public Decision(List<EnrollmentEvent> events, CommandOutcome outcome, boolean duplicate) {
        this(events, outcome, duplicate, null);
    }

    static Decision awaiting(CompanyLimit.SlotRequest slot) {
        return new Decision(List.of(), null, false, slot);
    }
}
