package org.seqengine.enrollment.domain;

import java.util.Locale;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * Who gets an enrollment's TASK steps, from the sequence's {@code task_assignment}, fixed when the
 * person is enrolled (seed 001): {@code MAILBOX_OWNER} (the default) and {@code SENDER} the sending
 * mailbox's owner, {@code ENROLLER} whoever issued the Enroll, {@code RECORD_OWNER} the person
 * record's {@code attributes.owner_id}, {@code USER:<id>} that user. An unknown value reads as the default.
 */
public final class TaskAssignment {

    /** The person attribute naming the record's owner (a CRM field). */
    public static final String OWNER_ATTRIBUTE = "owner_id";
    private static final String USER_PREFIX = "USER:";

    private TaskAssignment() {}

    /** The assignee, or null when the rule names nobody (no owner on the mailbox or record, no actor). */
    public static String assignee(Sequence sequence, Mailbox mailbox, Person person, String enroller) {
        String rule = sequence.taskAssignment() == null ? "MAILBOX_OWNER" : sequence.taskAssignment().trim();
        if (rule.regionMatches(true, 0, USER_PREFIX, 0, USER_PREFIX.length())) {
            String user = rule.substring(USER_PREFIX.length()).trim();
            return user.isEmpty() ? null : user;
        }
        return switch (rule.toUpperCase(Locale.ROOT)) {
            case "ENROLLER" -> enroller;
            case "RECORD_OWNER" -> person == null ? null : blankToNull(person.attributes().get(OWNER_ATTRIBUTE));
            default -> mailbox == null ? null : blankToNull(mailbox.ownerId()); // MAILBOX_OWNER, SENDER
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
