package org.seqengine.enrollment.streams;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import java.util.List;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.EnrollmentEvent;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.StepOutput;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.mapping.SealedMapper;
import org.seqengine.enrollment.mapping.StepOutputMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.avro.SuppressionRecord;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.schemas.personal.PersonalSeal;
import org.seqengine.schemas.personal.SuppressionKeys;

/**
 * The decider's side of personal data (issue 12): it is the only writer of a person's data key, so
 * one key per person by construction. The key is made when the person is first enrolled (or the first
 * time a decision seals something for them), kept in the task's in-memory {@link StoreNames#PERSON_KEYS} store (its changelog is
 * compacted) and published on {@code people.keys.v1} in the same transaction as the first sealed
 * value. An erase shreds the key and tombstones the person's records in the erasing decision's
 * transaction.
 */
final class PersonalData {

    static final String ERASED = "ERASED";
    static final String OPTED_OUT_THEN_ERASED = "OPTED_OUT_THEN_ERASED";

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, PersonKeyRecord> keys;
    private final SuppressionKeys suppressionKeys;

    PersonalData(ProcessorContext<String, Object> context, SuppressionKeys suppressionKeys) {
        this.context = context;
        this.keys = context.getStateStore(StoreNames.PERSON_KEYS);
        this.suppressionKeys = suppressionKeys;
    }

    /** The person's key, made and published now if they have none. */
    private PersonKeyRecord keyOf(String orgId, String personId, Instant now, long ts) {
        String personKey = Keys.of(orgId, personId);
        PersonKeyRecord key = keys.get(personKey);
        if (key == null) {
            key = PersonalSeal.newKey(orgId, personId, now);
            keys.put(personKey, key);
            context.forward(new Record<String, Object>(personKey, key, ts), EnrollmentTopology.PEOPLE_KEYS_SINK);
        }
        return key;
    }

    /**
     * An enrolled person has a key from their first enrollment on, so the API can seal what it writes
     * about them (a reply's subject) before anything reaches the command log.
     */
    void keyOnEnrollment(List<EnrollmentEvent> events, String orgId, String personId, Instant now, long ts) {
        if (events.stream().anyMatch(e -> e instanceof EnrollmentEvent.Enrolled)) {
            keyOf(orgId, personId, now, ts);
        }
    }

    /** A reply whose subject arrived in clear (an older producer): sealed before it is recorded anywhere. */
    EnrollmentCommand sealIncoming(EnrollmentCommand command, Instant now, long ts) {
        if (command instanceof EnrollmentCommand.RecordReply r && r.subject() != null && r.sealedSubject() == null) {
            PersonKeyRecord key = keyOf(r.meta().orgId(), r.meta().personId(), now, ts);
            return r.sealed(SealedMapper.toDomain(PersonalSeal.seal(key, "subject", r.subject())));
        }
        return command;
    }

    /** The send request on the wire: address, subject and body sealed. */
    SendRequestRecord sendRequest(StepOutput.SendRequest r, Instant now, long ts) {
        PersonKeyRecord key = keyOf(r.orgId(), r.personId(), now, ts);
        Map<String, String> fields = new HashMap<>();
        fields.put("to_email", r.toEmail());
        fields.put("subject", r.subject());
        fields.put("body", r.body());
        SendRequestRecord record = StepOutputMapper.toAvro(r);
        record.setToEmail(null);
        record.setSubject(null);
        record.setBody(null);
        record.setSealed(PersonalSeal.seal(key, fields));
        return record;
    }

    /** The task on the wire: its body sealed. */
    TaskRecord task(StepOutput.TaskOpened t, Instant now, long ts) {
        TaskRecord record = StepOutputMapper.toAvro(t);
        if (t.body() != null) {
            record.setBody(null);
            record.setSealed(PersonalSeal.seal(keyOf(t.orgId(), t.personId(), now, ts), "body", t.body()));
        }
        return record;
    }

    /**
     * After a PersonErased: the key is shredded (every sealed copy is unreadable from now on), the
     * person's records are tombstoned (the other services drop what they derived from them), and the
     * email, if one was on record, is suppressed.
     */
    void erase(PersonState before, Optional<Person> person, Instant now, long ts) {
        String orgId = before.orgId();
        String personKey = Keys.of(orgId, before.personId());
        keys.delete(personKey);
        context.forward(new Record<String, Object>(personKey, null, ts), EnrollmentTopology.PEOPLE_KEYS_SINK);
        context.forward(new Record<String, Object>(personKey, null, ts), EnrollmentTopology.PEOPLE_SINK);
        context.forward(new Record<String, Object>(personKey, null, ts), EnrollmentTopology.CRM_PEOPLE_CHANGES_SINK);
        context.forward(new Record<String, Object>(personKey, null, ts), EnrollmentTopology.EXCLUSION_MATCHES_SINK);
        String suppressionKey = person.map(p -> suppressionKeys.keyOf(orgId, p.email())).orElse(null);
        if (suppressionKey != null) {
            SuppressionRecord entry = SuppressionRecord.newBuilder().setOrgId(orgId)
                    .setReason(before.optedOut() ? OPTED_OUT_THEN_ERASED : ERASED).setSuppressedAt(now).build();
            context.forward(new Record<String, Object>(suppressionKey, entry, ts), EnrollmentTopology.SUPPRESSIONS_SINK);
        }
    }
}
