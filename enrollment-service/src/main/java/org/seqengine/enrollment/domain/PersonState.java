package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the decider knows about one person (the unit of consistency: one task owns it). It is
 * rewritten to its changelog on every command, so it stays small: command outcomes live elsewhere.
 *
 * @param enrollments every enrollment, active and finished, oldest first
 * @param optedOutAt  when the person opted out (here or by the CRM flag), null if not opted out
 * @param erasedAt    when the person was erased (PersonErased), null if never
 */
public record PersonState(String orgId, String personId, List<Enrollment> enrollments, Instant optedOutAt,
                          OptOutSource optOutSource, Instant erasedAt) {

    public PersonState {
        enrollments = List.copyOf(enrollments);
    }

    /** A person never erased. */
    public PersonState(String orgId, String personId, List<Enrollment> enrollments, Instant optedOutAt,
                       OptOutSource optOutSource) {
        this(orgId, personId, enrollments, optedOutAt, optOutSource, null);
    }

    public static PersonState empty(String orgId, String personId) {
        return new PersonState(orgId, personId, List.of(), null, null);
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
}
