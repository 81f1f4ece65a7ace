package org.seqengine.exclusion.streams;

import java.util.Map;
import org.seqengine.exclusion.domain.ActiveEnrollment;
import org.seqengine.exclusion.domain.CrmChange;

/** What changes about a person (the person stage's input, keyed {@code org/person_id}). */
public sealed interface PersonInput {

    /** The person record's fields now; null: the record was erased (tombstone). */
    record RecordChange(Map<String, String> fields) implements PersonInput {}

    record CrmPersonChange(CrmChange change) implements PersonInput {}

    /** A crm.people-changes.v1 tombstone: the person was erased (every CRM change of the person is gone). */
    record CrmPersonErased() implements PersonInput {}

    /** An enrollment of the person: its state now, {@code active} null once it ended. */
    record EnrollmentChange(String enrollmentId, ActiveEnrollment active) implements PersonInput {}
}
