package org.seqengine.enrollment.streams;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.MailboxRecord;

/**
 * Which mailbox id has which email, per organization, kept by one decider task so that a decision
 * finds its candidate mailboxes with a point lookup instead of scanning and decoding every mailbox of
 * the organization (the largest item of the decide profile, see benchmarks/README.md). An entry is
 * only a hint: each use checks it against the store, and a miss or a stale entry rescans the
 * organization once. Not thread-safe: one per processor (stream thread).
 */
final class MailboxEmailIndex {

    private static final int MAX_ORGS = 1_000;

    private final Map<String, Map<String, String>> idsByEmailByOrg = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > MAX_ORGS;
        }
    };

    Optional<MailboxRecord> find(ReadOnlyKeyValueStore<String, MailboxRecord> mailboxes, String orgId, String email) {
        String wanted = normalize(email);
        Map<String, String> idsByEmail = idsByEmailByOrg.get(orgId);
        String id = idsByEmail == null ? null : idsByEmail.get(wanted);
        if (id != null) {
            MailboxRecord mailbox = mailboxes.get(Keys.of(orgId, id));
            if (mailbox != null && mailbox.getEmail() != null && normalize(mailbox.getEmail()).equals(wanted)) {
                return Optional.of(mailbox);
            }
        }
        Map<String, MailboxRecord> scanned = scan(mailboxes, orgId);
        Map<String, String> fresh = new HashMap<>();
        scanned.forEach((e, m) -> fresh.put(e, m.getId()));
        idsByEmailByOrg.put(orgId, fresh);
        return Optional.ofNullable(scanned.get(wanted));
    }

    /** The organization's mailboxes by normalized email (the first by key wins, as before the index). */
    static Map<String, MailboxRecord> scan(ReadOnlyKeyValueStore<String, MailboxRecord> mailboxes, String orgId) {
        Map<String, MailboxRecord> byEmail = new HashMap<>();
        try (KeyValueIterator<String, MailboxRecord> it = mailboxes.prefixScan(orgId + "/", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.getEmail() != null) {
                    byEmail.putIfAbsent(normalize(kv.value.getEmail()), kv.value);
                }
            });
        }
        return byEmail;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
