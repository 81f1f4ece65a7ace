package org.seqengine.enrollment.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.company.CompanyLedger;
import org.seqengine.enrollment.domain.company.LedgerEntry;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.mapping.CompanyLedgerMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CompanyLedgerRecord;
import org.seqengine.schemas.avro.CompanyLedgerStateRecord;
import org.seqengine.schemas.avro.CompanyMemberRecord;

/**
 * The thin adapter around {@link CompanyLedger}: {@code enrollment.company-ledger.v1} (keyed
 * org/company_domain) in, the domain's state in the {@link StoreNames#COMPANY_LEDGER} store, and the
 * commands it answers with (a slot granted or refused, colleagues to stop) back to the commands topic,
 * all in the task's exactly-once transaction. An entry that cannot be read goes to the ledger's DLQ.
 */
final class CompanyLedgerProcessor implements Processor<String, CompanyLedgerRecord, String, Object> {

    private static final Logger LOG = Logger.getLogger(CompanyLedgerProcessor.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CompanyLedgerStateRecord> counts;
    private KeyValueStore<String, CompanyMemberRecord> members;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.counts = context.getStateStore(StoreNames.COMPANY_LEDGER);
        this.members = context.getStateStore(StoreNames.COMPANY_LEDGER_MEMBERS);
    }

    @Override
    public void process(Record<String, CompanyLedgerRecord> record) {
        LedgerEntry entry;
        try {
            if (record.value() == null) throw new IllegalArgumentException("null ledger entry");
            entry = CompanyLedgerMapper.toDomain(record.value());
            if (!Keys.of(entry.orgId(), entry.companyDomain()).equals(record.key())) {
                throw new IllegalArgumentException("key does not match org_id/company_domain of the entry");
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        CompanyLedgerStores ledger = new CompanyLedgerStores(counts, members, entry.orgId(), entry.companyDomain());
        CompanyLedger.Result result = CompanyLedger.handle(entry, ledger);
        ledger.apply(result.changes());
        for (EnrollmentCommand command : result.commands()) {
            String key = Keys.of(command.meta().orgId(), command.meta().personId());
            context.forward(new Record<String, Object>(key, CommandMapper.toAvro(command), record.timestamp()),
                    EnrollmentTopology.LEDGER_COMMANDS_SINK);
        }
        LOG.debugf("company %s: %s of %s -> %d active, %d reserved, %d command(s)", record.key(),
                entry.getClass().getSimpleName(), entry.enrollmentId(), ledger.count(CompanyLedger.Kind.ACTIVE),
                ledger.count(CompanyLedger.Kind.RESERVED), result.commands().size());
    }

    private void deadLetter(Record<String, CompanyLedgerRecord> record, Exception error) {
        ProcessorDeadLetters.forward(context, record, EnrollmentTopology.LEDGER_DLQ_SINK, "company ledger entry", error);
    }
}
