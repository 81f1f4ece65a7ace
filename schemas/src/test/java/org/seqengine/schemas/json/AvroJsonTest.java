package org.seqengine.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.RepliedEvent;
import org.seqengine.schemas.avro.ReplyRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.personal.PersonalSeal;

/** Records rendered for an export: sealed values opened with the person's key, null without it. */
class AvroJsonTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private final PersonKeyRecord key = PersonalSeal.newKey("org-a", "p-1", AT);

    @Test
    void aSendRequestsSealedAddressSubjectAndBodyAreOpenedIntoTheirFields() {
        SendRequestRecord request = SendRequestRecord.newBuilder().setRequestId("r-1").setOrgId("org-a").setPersonId("p-1")
                .setEnrollmentId("e-1").setSequenceId("s-1").setSequenceVersion(2).setStepIndex(0).setAttempt(1)
                .setMailboxId("m-1").setFromEmail("sender@acme.test").setRequestedAt(AT)
                .setSealed(PersonalSeal.seal(key, java.util.Map.of("to_email", "ada@example.com", "subject", "Hi Ada",
                        "body", "Hello Ada"))).build();

        ObjectNode opened = AvroJson.render(request, s -> PersonalSeal.open(key, s));
        assertThat(opened.path("to_email").asText()).isEqualTo("ada@example.com");
        assertThat(opened.path("subject").asText()).isEqualTo("Hi Ada");
        assertThat(opened.path("body").asText()).isEqualTo("Hello Ada");
        assertThat(opened.has("sealed")).as("the ciphertext is not exported").isFalse();
        assertThat(opened.path("requested_at").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(opened.path("sequence_version").asInt()).isEqualTo(2);

        ObjectNode shredded = AvroJson.render(request, s -> PersonalSeal.open(null, s));
        assertThat(shredded.path("to_email").isNull()).isTrue();
        assertThat(shredded.path("subject").isNull()).isTrue();
        assertThat(shredded.has("sealed")).isFalse();
    }

    @Test
    void anEventsPayloadIsTaggedWithItsTypeAndItsSealedReplySubjectOpened() {
        ReplyRecord reply = new ReplyRecord("reply-1", null, PersonalSeal.seal(key, "subject", "Re: hi"), "POSITIVE", AT);
        EventEnvelope event = EventEnvelope.newBuilder().setEventId("ev-1").setCommandId("c-1").setOrgId("org-a")
                .setPersonId("p-1").setEnrollmentId("e-1").setOccurredAt(AT).setPayload(new RepliedEvent(reply, true))
                .setActor("org-a").build();

        ObjectNode json = AvroJson.render(event, s -> PersonalSeal.open(key, s));
        assertThat(json.path("payload").path("type").asText()).isEqualTo("RepliedEvent");
        assertThat(json.path("payload").path("reply").path("subject").asText()).isEqualTo("Re: hi");
        assertThat(json.path("payload").path("finishes").asBoolean()).isTrue();
        assertThat(json.path("enrollment_id").asText()).isEqualTo("e-1");

        // a value sealed for someone else does not open with this key
        PersonKeyRecord other = PersonalSeal.newKey("org-a", "p-2", AT);
        assertThat(AvroJson.render(event, s -> PersonalSeal.open(other, s)).path("payload").path("reply")
                .path("subject").isNull()).isTrue();
    }
}
