package org.seqengine.exclusion.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.MailboxRecord;

/**
 * The mailbox stage (key {@code org/mailbox_id}): keeps each mailbox's record and its active
 * enrollments ({@code <mailbox key>|<enrollment id> -> person id}); tells the owner stage (key
 * {@code org/owner_id}) which mailboxes each owner has, and, when the owner of a known mailbox
 * changes, hands the mailbox's active enrollments to the new owner, who picks the targets. A
 * mailbox that loses its owner (owner_id cleared) sends the commands itself, with no target.
 */
final class MailboxProcessor implements Processor<String, MailboxInput, String, Object> {

    private static final StringSerializer KEYS = new StringSerializer();

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, MailboxRecord> mailboxes;
    private KeyValueStore<String, String> enrollments;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.mailboxes = context.getStateStore(StoreNames.MAILBOX_RECORDS);
        this.enrollments = context.getStateStore(StoreNames.MAILBOX_ENROLLMENTS);
    }

    @Override
    public void process(Record<String, MailboxInput> record) {
        if (record.key() == null || record.value() == null) return;
        if (record.value() instanceof MailboxInput.MailboxEnrollment e) {
            String entry = record.key() + DomainKeys.SEP + e.enrollmentId();
            if (e.active()) enrollments.put(entry, e.personId());
            else enrollments.delete(entry);
        } else if (record.value() instanceof MailboxInput.MailboxChange c) {
            mailboxChanged(record, c.mailbox());
        }
    }

    private void mailboxChanged(Record<String, MailboxInput> record, MailboxRecord now) {
        String org = Keys.orgOf(record.key());
        String mailboxId = Keys.idOf(record.key());
        MailboxRecord previous = mailboxes.get(record.key());
        String oldOwner = previous == null ? null : previous.getOwnerId();
        String newOwner = now == null ? null : now.getOwnerId();
        if (now == null) mailboxes.delete(record.key());
        else mailboxes.put(record.key(), now);

        if (oldOwner != null && !oldOwner.equals(newOwner)) {
            forward(record, Keys.of(org, oldOwner), new OwnerInput.OwnedMailbox(mailboxId, false, false, false));
        }
        if (newOwner != null) {
            forward(record, Keys.of(org, newOwner),
                    new OwnerInput.OwnedMailbox(mailboxId, now.getIsPaused(), now.getIsUnauthorized(), true));
        }
        if (now == null || oldOwner == null || Objects.equals(oldOwner, newOwner)) return;

        List<OwnerInput.EnrollmentOfPerson> active = new ArrayList<>();
        try (KeyValueIterator<String, String> it = enrollments.prefixScan(record.key() + DomainKeys.SEP, KEYS)) {
            it.forEachRemaining(kv -> active.add(new OwnerInput.EnrollmentOfPerson(DomainKeys.idOf(kv.key), kv.value)));
        }
        if (active.isEmpty()) return;
        OwnerInput.MailboxHandedOver handover = new OwnerInput.MailboxHandedOver(mailboxId, active);
        if (newOwner != null) {
            forward(record, Keys.of(org, newOwner), handover);
        } else {
            OwnerChanges.commands(org, null, handover, List.of(), record.timestamp(), context.currentSystemTimeMs())
                    .forEach(kv -> forward(record, kv.key, kv.value));
        }
    }

    private void forward(Record<String, MailboxInput> r, String key, Object value) {
        context.forward(r.withKey(key).withValue(value));
    }
}
