package org.seqengine.enrollment.streams;

import java.util.List;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionListEntryRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.OrgSettingsRecord;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.SuppressionRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SequencePauseRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * A compacted topic mirrored into a global store of the same records (key {@code org_id/id}, or
 * {@code org_id} for {@link #SETTINGS}): the
 * one place that pairs a store with its topic, for the topology, the writers and the readers.
 *
 * @param label    what one record is called in a "not found" answer
 * @param inMemory the store holds personal values in clear (or keys that unlock them), so it lives in
 *                 memory only, restored from its compacted topic at start: a RocksDB store would keep
 *                 an erased value in its files until RocksDB happens to compact them
 */
public record GlobalTable<V>(String storeName, Topic<String, V> topic, String label, boolean inMemory) {

    public GlobalTable(String storeName, Topic<String, V> topic, String label) {
        this(storeName, topic, label, false);
    }

    public static final GlobalTable<SequenceRecord> SEQUENCES = new GlobalTable<>("sequences", Topics.SEQUENCES, "Sequence");
    /** Pause state of whole sequences, apart from the sequence records (see {@code Topics.SEQUENCE_PAUSES}). */
    public static final GlobalTable<SequencePauseRecord> SEQUENCE_PAUSES =
            new GlobalTable<>("sequence-pauses", Topics.SEQUENCE_PAUSES, "Sequence pause");
    /** Every version of every sequence, key {@code org_id/sequence_id/version} (see {@link #versionKey}). */
    public static final GlobalTable<SequenceRecord> SEQUENCE_VERSIONS =
            new GlobalTable<>("sequence-versions", Topics.SEQUENCE_VERSIONS, "Sequence version");
    public static final GlobalTable<MailboxRecord> MAILBOXES = new GlobalTable<>("mailboxes", Topics.MAILBOXES, "Mailbox");
    public static final GlobalTable<RulesetRecord> RULESETS = new GlobalTable<>("rulesets", Topics.RULESETS, "Ruleset");
    public static final GlobalTable<ExclusionRuleRecord> EXCLUSION_RULES =
            new GlobalTable<>("exclusion-rules", Topics.EXCLUSION_RULES, "Exclusion rule");
    public static final GlobalTable<PersonRecord> PEOPLE = new GlobalTable<>("people", Topics.PEOPLE, "Person", true);
    /** Each person's data key: the API opens sealed values with it (the decider keeps its own copy, see StoreNames.PERSON_KEYS). */
    public static final GlobalTable<PersonKeyRecord> PEOPLE_KEYS =
            new GlobalTable<>("people-keys", Topics.PEOPLE_KEYS, "Person key", true);
    /** Suppressed emails, key {@code org_id/<HMAC of the normalized email>} (see SuppressionKeys). */
    public static final GlobalTable<SuppressionRecord> SUPPRESSIONS =
            new GlobalTable<>("suppressions", Topics.SUPPRESSIONS, "Suppression");
    public static final GlobalTable<ExclusionMatchesRecord> EXCLUSION_MATCHES =
            new GlobalTable<>("exclusion-matches", Topics.EXCLUSION_MATCHES, "Exclusion matches", true);
    /** Active enrollments per mailbox ({@code org_id/mailbox_id}), fed back by the topology itself. */
    public static final GlobalTable<Long> MAILBOX_LOAD = new GlobalTable<>("mailbox-load", Topics.MAILBOX_LOAD, "Mailbox load");
    /** Organization settings: the one table keyed by {@code org_id} alone (see {@link #keyOf}). */
    public static final GlobalTable<OrgSettingsRecord> SETTINGS = new GlobalTable<>("settings", Topics.SETTINGS, "Settings");
    public static final GlobalTable<UnenrollJobRecord> UNENROLL_JOBS =
            new GlobalTable<>("unenroll-jobs", Topics.UNENROLL_JOBS, "Unenroll job");

    /** Companies of uploaded exclusion lists, key {@code org_id/list_id/domain}: read back by a prefix scan. */
    public static final GlobalTable<ExclusionListEntryRecord> EXCLUSION_LIST_ENTRIES =
            new GlobalTable<>("exclusion-list-entries", Topics.EXCLUSION_LIST_ENTRIES, "Exclusion list entry");

    public static final List<GlobalTable<?>> ALL = List.of(SEQUENCES, SEQUENCE_VERSIONS, SEQUENCE_PAUSES, MAILBOXES, RULESETS, EXCLUSION_RULES, PEOPLE,
            EXCLUSION_MATCHES, MAILBOX_LOAD, UNENROLL_JOBS, SETTINGS,
            EXCLUSION_LIST_ENTRIES, PEOPLE_KEYS, SUPPRESSIONS);

    /** The key of one version of a sequence in {@link #SEQUENCE_VERSIONS}: {@code org_id/sequence_id/version}. */
    public static String versionKey(String orgId, String sequenceId, int version) {
        return Keys.of(orgId, sequenceId + Keys.SEPARATOR + version);
    }

    /** The key of the organization's record in a table keyed by {@code org_id} alone ({@link #SETTINGS}). */
    public static String keyOf(String orgId) {
        if (orgId == null || orgId.isBlank() || orgId.indexOf(Keys.SEPARATOR) >= 0) {
            throw new IllegalArgumentException("not an organization id");
        }
        return orgId;
    }
}
