package org.seqengine.schemas.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SealedFieldsRecord;
import org.seqengine.schemas.avro.SuppressionRecord;
import org.seqengine.schemas.avro.CompanyLedgerRecord;
import org.seqengine.schemas.avro.CompanyLedgerStateRecord;
import org.seqengine.schemas.avro.CompanyMemberRecord;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.schemas.avro.CommandOutcomeRecord;
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
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SequencePauseRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/** One shared {@link AvroSerde} per generated class. */
public final class AvroSerdes {

    /**
     * The top-level records: those written to a topic or a state store. Each must have released
     * versions in {@link SchemaHistory} (enforced by a test).
     */
    public static final List<Class<? extends SpecificRecord>> TOP_LEVEL = List.of(
            CommandEnvelope.class, EventEnvelope.class, EnrollmentRecord.class, PersonStateRecord.class,
            SequenceRecord.class, MailboxRecord.class, PersonRecord.class, RulesetRecord.class,
            ExclusionRuleRecord.class, ExclusionMatchesRecord.class, CommandReplyRecord.class,
            UnenrollJobRecord.class, CommandOutcomeRecord.class, SequencePauseRecord.class,
            CrmChangeRecord.class, OrgSettingsRecord.class, CrmWriteBackRecord.class, ExclusionListEntryRecord.class,
            SendRequestRecord.class, DeliveryResultRecord.class, TaskRecord.class, ScheduleStatusRecord.class,
            CompanyLedgerRecord.class, CompanyLedgerStateRecord.class, CompanyMemberRecord.class,
            PersonKeyRecord.class, SuppressionRecord.class, SealedFieldsRecord.class);

    private static final Map<Class<?>, AvroSerde<?>> CACHE = new ConcurrentHashMap<>();

    private AvroSerdes() {
    }

    /** The shared serde of a generated class (created on first use). */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> AvroSerde<T> forClass(Class<T> type) {
        return (AvroSerde<T>) CACHE.computeIfAbsent(type, t -> new AvroSerde<>(type));
    }
}
