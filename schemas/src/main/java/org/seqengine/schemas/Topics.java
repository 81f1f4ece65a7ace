package org.seqengine.schemas;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CompanyLedgerRecord;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.CrmWriteBackRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EventEnvelope;
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
import org.seqengine.schemas.serde.AvroSerdes;
import org.seqengine.schemas.serde.registry.TopicValueSerde;

/** Every topic of the system: the only place topic names are written. All keys are strings. */
public final class Topics {

    private Topics() {
    }

    /** Commands about one person; key {@code org_id/person_id}. Append. */
    public static final Topic<String, CommandEnvelope> COMMANDS = avro("enrollment.commands.v1", CommandEnvelope.class, false);

    /** Events about one person; key {@code org_id/person_id}. Append, long retention. */
    public static final Topic<String, EventEnvelope> EVENTS = avro("enrollment.events.v1", EventEnvelope.class, false);

    /** Current enrollment state; key {@code org_id/enrollment_id}. Compacted. */
    public static final Topic<String, EnrollmentRecord> ENROLLMENTS = avro("enrollments.v1", EnrollmentRecord.class, true);

    /** Reference data: sequences; key {@code org_id/id}. Compacted, tombstone deletes. */
    public static final Topic<String, SequenceRecord> SEQUENCES = avro("sequences.v1", SequenceRecord.class, true);

    /** Reference data: mailboxes; key {@code org_id/id}. Compacted, tombstone deletes. */
    public static final Topic<String, MailboxRecord> MAILBOXES = avro("mailboxes.v1", MailboxRecord.class, true);

    /** Reference data: rulesets; key {@code org_id/id}. Compacted, tombstone deletes. */
    public static final Topic<String, RulesetRecord> RULESETS = avro("rulesets.v1", RulesetRecord.class, true);

    /** Reference data: exclusion rules; key {@code org_id/id}. Compacted, tombstone deletes. */
    public static final Topic<String, ExclusionRuleRecord> EXCLUSION_RULES = avro("exclusion-rules.v1", ExclusionRuleRecord.class, true);

    /** Reference data: people (personal data); key {@code org_id/id}. Compacted, tombstone erases. */
    public static final Topic<String, PersonRecord> PEOPLE = avro("people.v1", PersonRecord.class, true);

    /** The exclusion rules a person matches now; key {@code org_id/person_id}. Compacted. */
    public static final Topic<String, ExclusionMatchesRecord> EXCLUSION_MATCHES = avro("exclusion-matches.v1", ExclusionMatchesRecord.class, true);

    /** Outcome of each command; key {@code org_id/person_id} (the command's key), correlated by {@code command_id} in the value. Append. */
    public static final Topic<String, CommandReplyRecord> COMMAND_REPLIES = avro("enrollment.command-replies.v1", CommandReplyRecord.class, false);

    /** Bulk unenroll jobs; key {@code org_id/id}. Compacted. */
    public static final Topic<String, UnenrollJobRecord> UNENROLL_JOBS = avro("enrollment.unenroll-jobs.v1", UnenrollJobRecord.class, true);

    /**
     * Bulk unenroll job requests, written in one transaction with the job's Unenroll commands; key
     * {@code org_id/id}. Append. The job processor turns them (and the commands' replies) into
     * {@link #UNENROLL_JOBS}.
     */
    public static final Topic<String, UnenrollJobRecord> UNENROLL_JOB_REQUESTS = avro("enrollment.unenroll-job-requests.v1", UnenrollJobRecord.class, false);

    /** Active enrollment count per mailbox; key {@code org_id/mailbox_id}. Compacted. */
    public static final Topic<String, Long> MAILBOX_LOAD = new Topic<>("enrollment.mailbox-load.v1", Serdes.String(), Serdes.Long(), true);

    /**
     * Pause state of whole sequences (POST /sequences/{id}/pause|resume); key {@code org_id/sequence_id}.
     * Compacted. Apart from {@link #SEQUENCES} so a pause never overwrites a concurrent upsert, nor the reverse.
     */
    public static final Topic<String, SequencePauseRecord> SEQUENCE_PAUSES = avro("sequence-pauses.v1", SequencePauseRecord.class, true);

    /**
     * CRM person changes; key {@code org_id/person_id}. Compacted, so that the tombstone an erase writes
     * removes every change of the person (the evaluator's views hold the merged fields; a replay from
     * the start sees the latest change per person).
     */
    public static final Topic<String, CrmChangeRecord> CRM_PEOPLE_CHANGES = avro("crm.people-changes.v1", CrmChangeRecord.class, true);

    /** CRM company changes; key {@code org_id/<normalized domain>}. Append. */
    public static final Topic<String, CrmChangeRecord> CRM_COMPANY_CHANGES = avro("crm.company-changes.v1", CrmChangeRecord.class, false);

    /** CRM opportunity changes; key {@code org_id/<normalized domain>}. Append. */
    public static final Topic<String, CrmChangeRecord> CRM_OPPORTUNITY_CHANGES = avro("crm.opportunity-changes.v1", CrmChangeRecord.class, false);

    /** Organization settings; key {@code org_id}. Compacted. */
    public static final Topic<String, OrgSettingsRecord> SETTINGS = avro("settings.v1", OrgSettingsRecord.class, true);

    /** Opt-outs made here, one record per READ_WRITE CRM of the org; key {@code org_id/person_id}. Append. */
    public static final Topic<String, CrmWriteBackRecord> CRM_WRITE_BACK = avro("crm.write-back.v1", CrmWriteBackRecord.class, false);

    /** Companies of uploaded exclusion lists; key {@code org_id/list_id/domain}. Compacted, tombstone removes. */
    public static final Topic<String, ExclusionListEntryRecord> EXCLUSION_LIST_ENTRIES = avro("exclusion-list-entries.v1", ExclusionListEntryRecord.class, true);

    /** Every version of every sequence's steps; key {@code org_id/sequence_id/version}. Compacted, never deleted. */
    public static final Topic<String, SequenceRecord> SEQUENCE_VERSIONS = avro("sequence-versions.v1", SequenceRecord.class, true);

    /** Emails to send, written by enrollment-service in the dispatch's transaction; key {@code org_id/person_id}. Append. */
    public static final Topic<String, SendRequestRecord> SEND_REQUESTS = avro("steps.send-requests.v1", SendRequestRecord.class, false);

    /** What the mailer reports about each send request; key {@code org_id/person_id}. Append. */
    public static final Topic<String, DeliveryResultRecord> DELIVERY_RESULTS = avro("steps.delivery-results.v1", DeliveryResultRecord.class, false);

    /** Tasks of TASK steps, written by enrollment-service; key {@code org_id/task_id}. Compacted. */
    public static final Topic<String, TaskRecord> TASKS = avro("tasks.v1", TaskRecord.class, true);

    /** When each active enrollment's next step is due and what it waits for, written by step-scheduler;
     *  key {@code org_id/enrollment_id}. Compacted, tombstone when nothing is scheduled. */
    public static final Topic<String, ScheduleStatusRecord> SCHEDULE_STATUS = avro("steps.schedule-status.v1", ScheduleStatusRecord.class, true);

    /** The company ledger's input: reservations, activations, releases, finishes and replies, written by the
     *  enrollment decider in the transaction of the decision; key {@code org_id/company_domain}. Append. */
    public static final Topic<String, CompanyLedgerRecord> COMPANY_LEDGER = avro("enrollment.company-ledger.v1", CompanyLedgerRecord.class, false);

    /** Each person's data key (crypto-shredding); key {@code org_id/person_id}. Compacted, tombstone erases. */
    public static final Topic<String, PersonKeyRecord> PEOPLE_KEYS = avro("people.keys.v1", PersonKeyRecord.class, true);

    /** Suppressed emails (never contacted again); key {@code org_id/<HMAC of the normalized email>}. Compacted. */
    public static final Topic<String, SuppressionRecord> SUPPRESSIONS = avro("people.suppressions.v1", SuppressionRecord.class, true);

    private static final List<Topic<?, ?>> ALL = List.of(
            COMMANDS, EVENTS, ENROLLMENTS, SEQUENCES, MAILBOXES, RULESETS, EXCLUSION_RULES, PEOPLE,
            EXCLUSION_MATCHES, COMMAND_REPLIES, UNENROLL_JOBS, UNENROLL_JOB_REQUESTS, MAILBOX_LOAD, SEQUENCE_PAUSES,
            CRM_PEOPLE_CHANGES, CRM_COMPANY_CHANGES, CRM_OPPORTUNITY_CHANGES, SETTINGS, CRM_WRITE_BACK,
            EXCLUSION_LIST_ENTRIES, SEQUENCE_VERSIONS, SEND_REQUESTS, DELIVERY_RESULTS, TASKS, SCHEDULE_STATUS,
            COMPANY_LEDGER, PEOPLE_KEYS, SUPPRESSIONS);

    /** Every topic above (not the DLQs: see {@link Topic#dlqName()}). */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> Topic<String, V> avro(
            String name, Class<V> type, boolean compacted) {
        return new Topic<>(name, Serdes.String(), new TopicValueSerde<>(name, AvroSerdes.forClass(type)), compacted);
    }
}
