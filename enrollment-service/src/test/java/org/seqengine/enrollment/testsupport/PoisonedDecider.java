package org.seqengine.enrollment.testsupport;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.seqengine.schemas.avro.CommandEnvelope;

/**
 * A stand-in for a bug in the decider: runs the real one, then throws for a command whose reason is
 * {@link #POISON} — after the decider has forwarded its outputs and written its stores, so the test
 * also proves none of that survives.
 */
public final class PoisonedDecider implements Processor<String, CommandEnvelope, String, Object> {

    public static final String POISON = "poison-pill";
    public static final String MESSAGE = "simulated decider bug";

    private final Processor<String, CommandEnvelope, String, Object> decider;

    public PoisonedDecider(Processor<String, CommandEnvelope, String, Object> decider) {
        this.decider = decider;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        decider.init(context);
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        decider.process(record);
        if (record.value() != null && POISON.equals(record.value().getReason())) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    @Override
    public void close() {
        decider.close();
    }
}
