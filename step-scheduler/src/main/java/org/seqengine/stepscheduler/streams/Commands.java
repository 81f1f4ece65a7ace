package org.seqengine.stepscheduler.streams;

import java.time.Instant;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.DispatchStepCommand;
import org.seqengine.schemas.avro.ResumeCommand;
import org.seqengine.stepscheduler.domain.CommandIds;
import org.seqengine.stepscheduler.domain.EnrollmentSnapshot;

/** The commands the topology sends to enrollment-service (key {@code org/person_id}). */
final class Commands {

    static final String ACTOR = "step-scheduler";

    private Commands() {}

    static CommandEnvelope dispatch(EnrollmentSnapshot e, int stepIndex, int attempt, long now) {
        return envelope(CommandIds.dispatch(e.enrollmentId(), stepIndex, attempt), e, now, "step due",
                DispatchStepCommand.newBuilder().setEnrollmentId(e.enrollmentId()).setStepIndex(stepIndex)
                        .setAttempt(attempt).build());
    }

    static CommandEnvelope resume(EnrollmentSnapshot e, long now) {
        return envelope(CommandIds.resume(e.enrollmentId(), e.resumeAt()), e, now, "out-of-office pause ended",
                ResumeCommand.newBuilder().setEnrollmentId(e.enrollmentId()).build());
    }

    private static CommandEnvelope envelope(String commandId, EnrollmentSnapshot e, long now, String reason, Object payload) {
        return CommandEnvelope.newBuilder()
                .setCommandId(commandId)
                .setOrgId(e.orgId())
                .setPersonId(e.personId())
                .setIssuedAt(Instant.ofEpochMilli(now))
                .setActor(ACTOR)
                .setReason(reason)
                .setPayload(payload)
                .build();
    }
}
