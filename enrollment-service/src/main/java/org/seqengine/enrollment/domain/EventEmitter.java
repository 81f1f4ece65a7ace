package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects one command's events, giving the i-th one {@code Ids.eventId(commandId, i)} and time {@code now}. */
final class EventEmitter {

    private final CommandMeta command;
    private final Instant now;
    private final List<EnrollmentEvent> events = new ArrayList<>();

    EventEmitter(CommandMeta command, Instant now) {
        this.command = command;
        this.now = now;
    }

    /** The meta of the next event to emit. */
    EventMeta next() {
        return new EventMeta(Ids.eventId(command.commandId(), events.size()), command.commandId(),
                command.orgId(), command.personId(), now, command.actor());
    }

    EventEmitter emit(EnrollmentEvent event) {
        events.add(event);
        return this;
    }

    List<EnrollmentEvent> events() {
        return List.copyOf(events);
    }
}
