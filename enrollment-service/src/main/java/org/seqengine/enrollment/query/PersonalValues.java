package org.seqengine.enrollment.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.seqengine.enrollment.domain.Reply;
import org.seqengine.enrollment.domain.Sealed;
import org.seqengine.enrollment.mapping.SealedMapper;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.schemas.personal.PersonalSeal;

/**
 * The API's side of crypto-shredding: opens sealed values for reading with the person's key from
 * this instance's {@link GlobalTable#PEOPLE_KEYS} store (in memory), and seals what the API writes
 * with it. Once the person is erased the key is gone and every sealed value reads as null. Values
 * written before sealing existed are in clear and read as they are.
 */
@ApplicationScoped
public class PersonalValues {

    @Inject
    EnrollmentQueries queries;

    /** The person's key, or null (never sealed anything yet, or erased). */
    public PersonKeyRecord key(String orgId, String personId) {
        return queries.record(GlobalTable.PEOPLE_KEYS, orgId, personId).orElse(null);
    }

    /** A reply's subject: in clear on old records, else opened with the person's key (null without it). */
    public static String replySubject(Reply reply, PersonKeyRecord key) {
        if (reply == null) return null;
        if (reply.subject() != null) return reply.subject();
        if (reply.sealedSubject() == null) return null;
        return PersonalSeal.openField(key, SealedMapper.toAvro(reply.sealedSubject()), "subject");
    }

    /** A task's body: in clear on old records, else opened; null once the person's key is gone. */
    public String taskBody(TaskRecord task) {
        if (task.getBody() != null) return task.getBody();
        if (task.getSealed() == null) return null;
        return PersonalSeal.openField(queries.personKey(task.getOrgId(), task.getPersonId(), task.getSealed().getKeyId()),
                task.getSealed(), "body");
    }

    /**
     * {@code value} sealed as {@code field} with the person's key, or empty when the person has no key
     * yet (the decider, the only writer of keys, seals it on arrival) or there is no value.
     */
    public Optional<Sealed> seal(String orgId, String personId, String field, String value) {
        if (value == null) return Optional.empty();
        PersonKeyRecord key = key(orgId, personId);
        return key == null ? Optional.empty() : Optional.of(SealedMapper.toDomain(PersonalSeal.seal(key, field, value)));
    }
}
