package org.seqengine.enrollment.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.BlockReason;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.DispatchStepCommand;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequenceRecord;

/** The scheduling fields and commands between the wire and the domain, both ways. */
class SchedulingMappingTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final CommandMeta META = new CommandMeta("c-1", "org-1", "p-1", T, "step-scheduler", null);

    @Test
    void newCommandsRoundTrip() {
        List<EnrollmentCommand> commands = List.of(
                new EnrollmentCommand.DispatchStep(META, "e-1", 2, 3),
                new EnrollmentCommand.UpgradeEnrollment(META, "e-1", 4, "job-9"),
                new EnrollmentCommand.RecordReply(META, "e-1", "r-1", "Remove me", ReplyClassification.NEGATIVE, T,
                        LocalDate.parse("2026-03-09"), true));
        for (EnrollmentCommand command : commands) {
            assertThat(CommandMapper.toDomain(CommandMapper.toAvro(command))).isEqualTo(command);
        }
    }

    @Test
    void aDispatchWithANegativeStepOrNoAttemptIsInvalid() {
        CommandEnvelope bad = CommandMapper.toAvro(new EnrollmentCommand.DispatchStep(META, "e-1", 0, 1));
        bad.setPayload(new DispatchStepCommand("e-1", -1, 1));
        assertThatThrownBy(() -> CommandMapper.toDomain(bad)).hasMessageContaining("step_index");
        bad.setPayload(new DispatchStepCommand("e-1", 0, 0));
        assertThatThrownBy(() -> CommandMapper.toDomain(bad)).hasMessageContaining("attempt");
    }

    @Test
    void theEnrollmentsSchedulingFieldsRoundTrip() {
        Enrollment e = new Enrollment("e-1", "org-1", "p-1", "s-1", "m-1", T, T, T, null, 1, 1,
                BlockReason.MISSING_VARIABLES, null, null, null, null, false, false, "x", List.of(),
                3, T.plusSeconds(5), 1, "req-1", List.of("first_name", "attributes.title"), "user-7");
        assertThat(StateMapper.toDomain(StateMapper.toAvro(e))).isEqualTo(e);
    }

    @Test
    void sequenceAndMailboxSettingsAreRead() {
        SequenceRecord sequence = SequenceRecord.newBuilder().setOrgId("org-1").setId("s-1").setName("S")
                .setIsPublished(true).setIsPaused(false).setVersion(5).setTaskAssignment("USER:u-1")
                .setSchedule(new SendScheduleRecord("Europe/Berlin", List.of("MON", "FRI"), "09:00", "17:30"))
                .build();
        Sequence s = ReferenceMapper.toDomain(sequence);
        assertThat(s.version()).isEqualTo(5);
        assertThat(s.taskAssignment()).isEqualTo("USER:u-1");
        assertThat(s.schedule()).isEqualTo(new Sequence.Schedule("Europe/Berlin", List.of("MON", "FRI"), "09:00", "17:30"));

        Mailbox m = ReferenceMapper.toDomain(MailboxRecord.newBuilder().setOrgId("org-1").setId("m-1")
                .setEmail("a@b.example").setIsPaused(false).setIsUnauthorized(false).setDailyLimit(50)
                .setMinSecondsBetweenSends(90).build());
        assertThat(m.dailyLimit()).isEqualTo(50);
        assertThat(m.minSecondsBetweenSends()).isEqualTo(90);
    }
}
