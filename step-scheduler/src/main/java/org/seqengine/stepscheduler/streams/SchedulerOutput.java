package org.seqengine.stepscheduler.streams;

import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ScheduleStatusRecord;

/** What the mailbox stage writes: commands (key org/person_id) and schedule statuses (key org/enrollment_id). */
public sealed interface SchedulerOutput {

    record Command(CommandEnvelope command) implements SchedulerOutput {}

    /** {@code status} null: nothing scheduled (a tombstone). */
    record Status(ScheduleStatusRecord status) implements SchedulerOutput {}
}
