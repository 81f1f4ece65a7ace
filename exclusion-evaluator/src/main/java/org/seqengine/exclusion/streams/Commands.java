package org.seqengine.exclusion.streams;

import java.time.Instant;
import org.seqengine.schemas.avro.CommandEnvelope;

/** Envelopes of the commands this service sends to enrollment-service. */
final class Commands {

    static final String ACTOR = "exclusion-evaluator";

    private Commands() {}

    static CommandEnvelope envelope(String commandId, String org, String personId, long now, String reason,
                                    Object payload) {
        return CommandEnvelope.newBuilder()
                .setCommandId(commandId)
                .setOrgId(org)
                .setPersonId(personId)
                .setIssuedAt(Instant.ofEpochMilli(now))
                .setActor(ACTOR)
                .setReason(reason)
                .setPayload(payload)
                .build();
    }
}
