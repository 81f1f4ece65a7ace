package org.seqengine.stepscheduler.streams;

import java.util.HashMap;
import java.util.Map;

/**
 * The person stage's memory of one person: the template fields of the person record, and every
 * enrollment of the person with the mailbox it is scheduled at.
 */
public final class PersonEntry {

    /** Template fields of the person record; null until it arrives. */
    public Map<String, Object> person;

    /** enrollment id -> route. Finished enrollments stay (inactive), so a reopened one is known to come back. */
    public Map<String, Route> enrollments = new HashMap<>();

    /**
     * @param generation        bumped each time the enrollment reaches a mailbox with no scheduler memory of it
     *                          (moved to another mailbox, reopened after finishing)
     * @param blockedOnTemplate blocked for template variables: person changes go to its mailbox
     */
    public record Route(String mailboxKey, int generation, boolean active, boolean blockedOnTemplate) {}

    boolean isEmpty() {
        return person == null && enrollments.isEmpty();
    }
}
