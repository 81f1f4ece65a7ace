package org.seqengine.enrollment.streams;

import org.seqengine.enrollment.report.ReportCounting;
import org.seqengine.enrollment.report.ReportDelta;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonRecord;

/**
 * Reads {@code enrollments.v1} (keyed org/enrollment, so these stores are routable by enrollment id)
 * and keeps the {@code enrollments-by-id} store and the list indexes of {@link EnrollmentIndexKeys}.
 * It also forwards the change in active enrollments per mailbox ({@code org/mailbox -> +1/-1}, a Long)
 * and the change to the sequence's report ({@code org/sequence -> ReportDelta}), so the topic is read
 * once for all three.
 */
final class EnrollmentIndexer implements Processor<String, EnrollmentRecord, String, Object> {

    private KeyValueStore<String, EnrollmentRecord> byId;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, Object> people;
    private ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.byId = context.getStateStore(StoreNames.ENROLLMENTS_BY_ID);
        this.index = context.getStateStore(StoreNames.ENROLLMENT_INDEX);
        this.people = context.getStateStore(GlobalTable.PEOPLE.storeName());
    }

    @Override
    public void process(Record<String, EnrollmentRecord> record) {
        if (record.key() == null) return;
        EnrollmentRecord previous = byId.get(record.key());
        EnrollmentRecord current = record.value();
        if (previous != null && current != null && previous.equals(current)) return;
        Enrollment now = current == null ? null : StateMapper.toDomain(current);
        reindex(record.key(), previous, current, now);
        if (current == null) {
            byId.delete(record.key());
        } else {
            byId.put(record.key(), current);
        }
        if (previous != null && previous.getFinishReason() == null) {
            context.forward(record.withKey(Keys.of(previous.getOrgId(), previous.getMailboxId())).withValue((Object) (-1L)));
        }
        if (current != null && current.getFinishReason() == null) {
            context.forward(record.withKey(Keys.of(current.getOrgId(), current.getMailboxId())).withValue((Object) 1L));
        }
        EnrollmentRecord any = current != null ? current : previous;
        if (any != null) {
            ReportDelta delta = ReportCounting.change(previous == null ? null : StateMapper.toDomain(previous), now);
            if (!delta.isEmpty()) {
                context.forward(record.withKey(Keys.of(any.getOrgId(), any.getSequenceId())).withValue((Object) delta));
            }
        }
    }

    private void reindex(String key, EnrollmentRecord previous, EnrollmentRecord current, Enrollment now) {
        EnrollmentRecord any = current != null ? current : previous;
        if (any == null) return;
        String bookkeeping = EnrollmentIndexKeys.bookkeeping(any.getOrgId(), any.getId());
        String written = index.get(bookkeeping);
        Set<String> old = written == null || written.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(written.split("\n")));
        Set<String> keys = current == null ? Set.of() : EnrollmentIndexKeys.of(now, domainOf(current));
        for (String k : old) {
            if (!keys.contains(k)) index.delete(k);
        }
        for (String k : keys) {
            if (!old.contains(k)) index.put(k, "");
        }
        if (keys.isEmpty()) {
            index.delete(bookkeeping);
        } else {
            index.put(bookkeeping, String.join("\n", keys));
        }
    }

    /** The person's company domain now (global store); jobs by domain re-check it when they run. */
    private String domainOf(EnrollmentRecord e) {
        Object person = people.get(Keys.of(e.getOrgId(), e.getPersonId()));
        return person instanceof PersonRecord p ? p.getCompanyDomain() : null;
    }
}
