package org.seqengine.bench;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;

/**
 * Reference data and enrollment states for the step-scheduler (scenario "schedule", the scheduler
 * chaos case): mailboxes with sending limits, sequences with their version-1 snapshot on
 * {@code sequence-versions.v1}, and enrollment states as enrollment-service writes them to
 * {@code enrollments.v1} (keyed {@code org_id/enrollment_id}). Deterministic ids, like {@link Fixture}.
 */
public final class ScheduleFixture {

    private ScheduleFixture() {
    }

    public static String enrollmentId(int i) {
        return Fixture.uuid("schedule-enrollment-" + i);
    }

    /** Mailboxes {@code 0..count-1} ({@link Fixture#mailboxId}, {@link Fixture#mailboxEmail}) with these limits. */
    public static void publishMailboxes(KafkaProducer<byte[], byte[]> producer, int count, int dailyLimit,
                                        int minSecondsBetweenSends) {
        for (int i = 0; i < count; i++) {
            Fixture.send(producer, Topics.MAILBOXES, Fixture.mailboxId(i), MailboxRecord.newBuilder().setOrgId(Fixture.ORG)
                    .setId(Fixture.mailboxId(i)).setEmail(Fixture.mailboxEmail(i)).setDisplayName("Sender " + i)
                    .setOwnerId("owner-" + i).setIsPaused(false).setIsUnauthorized(false).setDailyLimit(dailyLimit)
                    .setMinSecondsBetweenSends(minSecondsBetweenSends).build());
        }
        producer.flush();
    }

    /**
     * Sequence {@code index} ({@link Fixture#sequenceId}), published, not paused, no send window,
     * version 1 with these steps: on {@code sequences.v1} and as version 1 on {@code sequence-versions.v1}
     * (key {@code org_id/sequence_id/1}), as enrollment-service writes a sequence it was given.
     */
    public static void publishSequence(KafkaProducer<byte[], byte[]> producer, int index, List<StepRecord> steps) {
        SequenceRecord sequence = SequenceRecord.newBuilder().setOrgId(Fixture.ORG).setId(Fixture.sequenceId(index))
                .setName("Schedule " + index).setIsPublished(true).setIsPaused(false).setRulesetId(null).setSteps(steps)
                .setUpdatedAt(null).setVersion(1).setSchedule(null).setTaskAssignment(null).build();
        Fixture.send(producer, Topics.SEQUENCES, Fixture.sequenceId(index), sequence);
        Fixture.send(producer, Topics.SEQUENCE_VERSIONS, Fixture.sequenceId(index) + "/1", sequence);
        producer.flush();
    }

    public static StepRecord email(int waitDays, String subject, String body) {
        return StepRecord.newBuilder().setType("EMAIL").setWaitDays(waitDays).setSubject(subject).setBody(body).build();
    }

    /**
     * An active, queued enrollment state (no step completed, none in flight, not paused or blocked,
     * next step 0, sequence version 1): its first step is due {@code wait_days} after {@code createdAt}.
     */
    public static EnrollmentRecord queued(int i, int person, int sequence, int mailbox, Instant createdAt, Instant now) {
        return EnrollmentRecord.newBuilder().setId(enrollmentId(i)).setOrgId(Fixture.ORG).setPersonId(Fixture.personId(person))
                .setSequenceId(Fixture.sequenceId(sequence)).setMailboxId(Fixture.mailboxId(mailbox))
                .setCreatedAt(createdAt).setUpdatedAt(now).setStartedAt(null).setEndedAt(null)
                .setNextStepIndex(0).setStepsCompleted(0).setBlockReason(null).setPauseReason(null).setResumeAt(null)
                .setReply(null).setFinishReason(null).setCanceled(false).setBounced(false).setUpdatedBy("benchmarks")
                .setExcludedBy(List.of()).setSequenceVersion(1).setLastStepAt(null).setDispatchedStepIndex(null)
                .setDispatchedRequestId(null).setBlockedVariables(List.of()).setTaskAssigneeId(null).build();
    }

    /** Writes an enrollment state to {@code enrollments.v1}, keyed {@code org_id/enrollment_id}. */
    public static void sendState(KafkaProducer<byte[], byte[]> producer, EnrollmentRecord state) {
        Fixture.send(producer, Topics.ENROLLMENTS, state.getId(), state);
    }
}
