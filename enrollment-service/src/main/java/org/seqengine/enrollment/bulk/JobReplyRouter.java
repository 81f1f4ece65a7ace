package org.seqengine.enrollment.bulk;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.CommandReplyRecord;

/**
 * Picks the replies of job commands out of the reply topic and re-keys them by job
 * ({@code org/job -> outcome}), so one task counts each job. A duplicate reply is not counted: its
 * command's first outcome already was.
 */
public final class JobReplyRouter implements Processor<String, CommandReplyRecord, String, String> {

    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, CommandReplyRecord> record) {
        CommandReplyRecord reply = record.value();
        if (reply == null || reply.getDuplicate()) return;
        JobCommandIds.jobOf(reply.getCommandId()).ifPresent(job ->
                context.forward(record.withKey(Keys.of(reply.getOrgId(), job)).withValue(JobOutcome.of(reply).encode())));
    }
}
