package org.seqengine.enrollment.streams;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.OrgSettings;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.mapping.ReferenceMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.OrgSettingsRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SequencePauseRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.SuppressionRecord;
import org.seqengine.schemas.personal.SuppressionKeys;

/**
 * {@link ReferenceData} of one organization, read from the global stores. Used by the decider
 * (inside a Streams task) and by the REST edge (through interactive queries) alike.
 */
public final class StoreReferenceData implements ReferenceData {

    /** The stores it reads; the processor and the REST edge obtain them differently. */
    public record Stores(ReadOnlyKeyValueStore<String, SequenceRecord> sequences,
                         ReadOnlyKeyValueStore<String, SequenceRecord> sequenceVersions,
                         ReadOnlyKeyValueStore<String, SequencePauseRecord> sequencePauses,
                         ReadOnlyKeyValueStore<String, MailboxRecord> mailboxes,
                         ReadOnlyKeyValueStore<String, RulesetRecord> rulesets,
                         ReadOnlyKeyValueStore<String, ExclusionRuleRecord> exclusionRules,
                         ReadOnlyKeyValueStore<String, PersonRecord> people,
                         ReadOnlyKeyValueStore<String, ExclusionMatchesRecord> exclusionMatches,
                         ReadOnlyKeyValueStore<String, Long> mailboxLoad,
                         ReadOnlyKeyValueStore<String, OrgSettingsRecord> settings,
                         ReadOnlyKeyValueStore<String, SuppressionRecord> suppressions) {

        /** The stores by name, from wherever the caller reaches them (a processor context, interactive queries). */
        public static Stores from(Function<String, ? extends ReadOnlyKeyValueStore<String, ?>> lookup) {
            return new Stores(of(lookup, GlobalTable.SEQUENCES), of(lookup, GlobalTable.SEQUENCE_VERSIONS),
                    of(lookup, GlobalTable.SEQUENCE_PAUSES),
                    of(lookup, GlobalTable.MAILBOXES),
                    of(lookup, GlobalTable.RULESETS), of(lookup, GlobalTable.EXCLUSION_RULES), of(lookup, GlobalTable.PEOPLE),
                    of(lookup, GlobalTable.EXCLUSION_MATCHES), of(lookup, GlobalTable.MAILBOX_LOAD),
                    of(lookup, GlobalTable.SETTINGS), of(lookup, GlobalTable.SUPPRESSIONS));
        }

        @SuppressWarnings("unchecked")
        private static <V> ReadOnlyKeyValueStore<String, V> of(
                Function<String, ? extends ReadOnlyKeyValueStore<String, ?>> lookup, GlobalTable<V> table) {
            return (ReadOnlyKeyValueStore<String, V>) lookup.apply(table.storeName());
        }
    }

    private final String orgId;
    private final Stores stores;
    /** The decider task's email index; null at the REST edge, which scans once per request instead. */
    private final MailboxEmailIndex mailboxIndex;
    /** The org's mailboxes by lower-cased email, read once per instance (one request) without an index. */
    private Map<String, MailboxRecord> mailboxesByEmail;

    /** Keys of the suppression list; null: nothing is suppressed (reads that never enroll). */
    private final SuppressionKeys suppressionKeys;

    public StoreReferenceData(String orgId, Stores stores, SuppressionKeys suppressionKeys) {
        this(orgId, stores, null, suppressionKeys);
    }

    StoreReferenceData(String orgId, Stores stores, MailboxEmailIndex mailboxIndex, SuppressionKeys suppressionKeys) {
        this.orgId = orgId;
        this.stores = stores;
        this.mailboxIndex = mailboxIndex;
        this.suppressionKeys = suppressionKeys;
    }

    @Override
    public boolean suppressed(Person person) {
        if (suppressionKeys == null || person == null) return false;
        String key = suppressionKeys.keyOf(orgId, person.email());
        return key != null && stores.suppressions().get(key) != null;
    }

    @Override
    public Optional<Sequence> sequence(String sequenceId) {
        return get(stores.sequences(), sequenceId,
                r -> ReferenceMapper.toDomain(r, stores.sequencePauses().get(Keys.of(orgId, sequenceId))));
    }

    @Override
    public Optional<Sequence> sequenceVersion(String sequenceId, int version) {
        if (sequenceId == null || sequenceId.isBlank() || sequenceId.contains("/")) return Optional.empty();
        SequenceRecord snapshot = stores.sequenceVersions().get(GlobalTable.versionKey(orgId, sequenceId, version));
        if (snapshot != null) {
            return Optional.of(ReferenceMapper.toDomain(snapshot, stores.sequencePauses().get(Keys.of(orgId, sequenceId))));
        }
        return sequence(sequenceId).filter(s -> s.version() == version);
    }

    @Override
    public Optional<Person> person(String personId) {
        return get(stores.people(), personId, ReferenceMapper::toDomain);
    }

    @Override
    public Optional<Mailbox> mailboxByEmail(String email) {
        if (email == null) return Optional.empty();
        if (mailboxIndex != null) {
            return mailboxIndex.find(stores.mailboxes(), orgId, email).map(ReferenceMapper::toDomain);
        }
        if (mailboxesByEmail == null) {
            mailboxesByEmail = MailboxEmailIndex.scan(stores.mailboxes(), orgId);
        }
        return Optional.ofNullable(mailboxesByEmail.get(MailboxEmailIndex.normalize(email))).map(ReferenceMapper::toDomain);
    }

    @Override
    public Optional<Mailbox> mailbox(String mailboxId) {
        return get(stores.mailboxes(), mailboxId, ReferenceMapper::toDomain);
    }

    @Override
    public Optional<Ruleset> ruleset(String rulesetId) {
        return get(stores.rulesets(), rulesetId, ReferenceMapper::toDomain);
    }

    @Override
    public Optional<ExclusionRule> exclusionRule(String ruleId) {
        return get(stores.exclusionRules(), ruleId, ReferenceMapper::toDomain);
    }

    @Override
    public List<ExclusionMatch> exclusionMatches(String personId) {
        return get(stores.exclusionMatches(), personId, ReferenceMapper::toDomain).orElse(List.of());
    }

    @Override
    public OrgSettings settings() {
        return ReferenceMapper.toDomain(stores.settings().get(GlobalTable.keyOf(orgId)));
    }

    @Override
    public long activeEnrollments(String mailboxId) {
        Long load = stores.mailboxLoad().get(Keys.of(orgId, mailboxId));
        return load == null ? 0 : load;
    }

    private <R, D> Optional<D> get(ReadOnlyKeyValueStore<String, R> store, String id, Function<R, D> mapper) {
        if (id == null || id.isBlank() || id.contains("/")) return Optional.empty();
        R record = store.get(Keys.of(orgId, id));
        return record == null ? Optional.empty() : Optional.of(mapper.apply(record));
    }
}
