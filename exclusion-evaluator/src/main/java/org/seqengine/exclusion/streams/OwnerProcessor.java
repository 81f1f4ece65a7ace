package org.seqengine.exclusion.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.exclusion.domain.ReassignTargets;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.OrgSettingsRecord;

/**
 * The owner stage (key {@code org/owner_id}): the owner's mailboxes, and for a mailbox handed to
 * the owner one MailboxOwnerChanged command per active enrollment. The target, under the org's
 * {@code REASSIGN_QUEUED} policy (the default), is the owner's least-loaded usable mailbox
 * ({@link ReassignTargets}, loads from {@code enrollment.mailbox-load.v1}); under
 * {@code UNENROLL_ALL}, none. The decider in enrollment-service reassigns a queued enrollment to
 * the target and unenrolls the others.
 */
final class OwnerProcessor implements Processor<String, OwnerInput, String, PublisherOutput> {

    static final String UNENROLL_ALL = "UNENROLL_ALL";
    private static final StringSerializer KEYS = new StringSerializer();

    private ProcessorContext<String, PublisherOutput> context;
    private KeyValueStore<String, OwnerInput.OwnedMailbox> owned;
    private KeyValueStore<String, OrgSettingsRecord> settings;
    private KeyValueStore<String, Long> loads;

    @Override
    public void init(ProcessorContext<String, PublisherOutput> context) {
        this.context = context;
        this.owned = context.getStateStore(StoreNames.OWNER_MAILBOXES);
        this.settings = context.getStateStore(StoreNames.SETTINGS);
        this.loads = context.getStateStore(StoreNames.MAILBOX_LOAD);
    }

    @Override
    public void process(Record<String, OwnerInput> record) {
        if (record.key() == null || record.value() == null) return;
        if (record.value() instanceof OwnerInput.OwnedMailbox m) {
            String entry = record.key() + DomainKeys.SEP + m.mailboxId();
            if (m.owned()) owned.put(entry, m);
            else owned.delete(entry);
        } else if (record.value() instanceof OwnerInput.MailboxHandedOver h) {
            String org = Keys.orgOf(record.key());
            List<String> targets = UNENROLL_ALL.equals(policy(org)) ? List.of() : targets(record.key(), org, h);
            OwnerChanges.commands(org, Keys.idOf(record.key()), h, targets, record.timestamp(), context.currentSystemTimeMs())
                    .forEach(kv -> context.forward(record.withKey(kv.key).withValue(kv.value)));
        }
    }

    private String policy(String org) {
        OrgSettingsRecord s = settings.get(org);
        return s == null ? "REASSIGN_QUEUED" : s.getMailboxOwnershipPolicy();
    }

    private List<String> targets(String ownerKey, String org, OwnerInput.MailboxHandedOver h) {
        List<ReassignTargets.Candidate> candidates = new ArrayList<>();
        Map<String, Long> load = new HashMap<>();
        try (KeyValueIterator<String, OwnerInput.OwnedMailbox> it = owned.prefixScan(ownerKey + DomainKeys.SEP, KEYS)) {
            it.forEachRemaining(kv -> {
                candidates.add(new ReassignTargets.Candidate(kv.value.mailboxId(), kv.value.paused(), kv.value.unauthorized()));
                Long l = loads.get(Keys.of(org, kv.value.mailboxId()));
                if (l != null) load.put(kv.value.mailboxId(), l);
            });
        }
        return ReassignTargets.assign(candidates, h.mailboxId(), load, h.enrollments().size());
    }
}
