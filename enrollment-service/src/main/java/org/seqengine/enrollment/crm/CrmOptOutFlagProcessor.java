package org.seqengine.enrollment.crm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.OptOutSource;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.PersonRecord;

/**
 * Turns a flip of a person's CRM {@code email_opt_out} flag into a command: true -> OptOut (source
 * CRM), false after true -> ClearCrmOptOut (which clears only an opt-out the CRM made). A record
 * that does not change the flag sends nothing.
 */
final class CrmOptOutFlagProcessor implements Processor<String, PersonRecord, String, CommandEnvelope> {

    private static final Logger LOG = Logger.getLogger(CrmOptOutFlagProcessor.class);
    /** The actor recorded on the commands (and so on the events) this processor sends. */
    static final String ACTOR = "crm-flag";

    private ProcessorContext<String, CommandEnvelope> context;
    private KeyValueStore<String, Boolean> flags;

    @Override
    public void init(ProcessorContext<String, CommandEnvelope> context) {
        this.context = context;
        this.flags = context.getStateStore(CrmOptOutTopology.FLAGS_STORE);
    }

    @Override
    public void process(Record<String, PersonRecord> record) {
        String key = record.key();
        if (key == null) return;
        PersonRecord person = record.value();
        if (person == null) { // erased: forget the flag, the person's opt-out state stays as it is
            flags.delete(key);
            return;
        }
        if (!key.equals(Keys.of(person.getOrgId(), person.getId()))) {
            LOG.warnf("people record at offset %s skipped: key does not match org_id/id", offset());
            return;
        }
        boolean optedOut = person.getEmailOptOut();
        boolean wasOptedOut = Boolean.TRUE.equals(flags.get(key));
        if (optedOut == wasOptedOut) return;
        flags.put(key, optedOut);

        CommandMeta meta = new CommandMeta(commandId(optedOut), person.getOrgId(), person.getId(),
                Instant.ofEpochMilli(record.timestamp()), ACTOR,
                "CRM email_opt_out=" + optedOut);
        EnrollmentCommand command = optedOut
                ? new EnrollmentCommand.OptOut(meta, OptOutSource.CRM)
                : new EnrollmentCommand.ClearCrmOptOut(meta);
        context.forward(new Record<>(key, CommandMapper.toAvro(command), record.timestamp()));
    }

    /** Derived from the people record's position, so reprocessing it yields the same command id. */
    private String commandId(boolean optedOut) {
        String name = "crm-opt-out-flag/" + offset() + "/" + optedOut;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String offset() {
        RecordMetadata m = context.recordMetadata().orElse(null);
        return m == null ? "?" : m.topic() + "-" + m.partition() + "@" + m.offset();
    }
}
