package org.seqengine.mailer.kafka;

import java.util.Map;
import java.util.function.Function;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SealedValueRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.personal.PersonalSeal;

/**
 * The email a send request asks for, opened: from {@code sealed} with the person's key, or (a request written before
 * values were sealed) from the clear fields. Never logged: it holds the address, subject and body.
 *
 * @param sealWith the key the request was sealed with (the reply subject is sealed with it), null for a clear request
 */
record Letter(String toEmail, String subject, String body, PersonKeyRecord sealWith) {

    static final String TO_EMAIL = "to_email";
    static final String SUBJECT = "subject";
    static final String BODY = "body";

    @Override
    public String toString() {
        return "Letter[…]"; // personal values stay out of logs and exception messages
    }

    /** Whether the request is sealed and this mailer does not hold the key yet (and the person is not erased). */
    static boolean awaitsKey(SendRequestRecord request, Function<String, PersonKeyRecord> keys,
                             Function<String, Boolean> erased) {
        if (request.getSealed() == null) {
            return false;
        }
        String person = Keys.of(request.getOrgId(), request.getPersonId());
        return keys.apply(person) == null && !erased.apply(person);
    }

    /** @throws IllegalStateException when the request is sealed and cannot be opened with the key held */
    static Letter of(SendRequestRecord request, Function<String, PersonKeyRecord> keys) {
        if (request.getSealed() == null) {
            return new Letter(request.getToEmail(), request.getSubject(), request.getBody(), null);
        }
        String person = Keys.of(request.getOrgId(), request.getPersonId());
        PersonKeyRecord key = keys.apply(person);
        Map<String, String> fields = PersonalSeal.open(key, request.getSealed()).orElseThrow(() ->
                new IllegalStateException("the sealed to_email/subject/body of request " + request.getRequestId()
                        + " cannot be opened: " + (key == null
                        ? "no key of " + person + " on " + Topics.PEOPLE_KEYS.name() + " (erased, or not read in time)"
                        : "the key of " + person + " is " + key.getKeyId() + ", not "
                          + request.getSealed().getKeyId())));
        return new Letter(fields.get(TO_EMAIL), fields.get(SUBJECT), fields.get(BODY), key);
    }

    /** The reply subject sealed with the request's key. */
    SealedValueRecord sealReplySubject(String replySubject) {
        return PersonalSeal.seal(sealWith, SUBJECT, replySubject);
    }
}
