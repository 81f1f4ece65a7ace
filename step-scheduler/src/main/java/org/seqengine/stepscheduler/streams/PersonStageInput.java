package org.seqengine.stepscheduler.streams;

import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonRecord;

/** The person stage's input (key {@code org/person_id}); passed in memory, never serialized. */
sealed interface PersonStageInput {

    record EnrollmentUpdate(EnrollmentRecord enrollment) implements PersonStageInput {}

    /** {@code person} null: the person was erased. */
    record PersonUpdate(PersonRecord person) implements PersonStageInput {}
}
