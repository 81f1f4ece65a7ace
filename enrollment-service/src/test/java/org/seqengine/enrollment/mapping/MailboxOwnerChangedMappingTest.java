package org.seqengine.enrollment.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand.MailboxOwnerChanged;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.MailboxOwnerChangedCommand;

class MailboxOwnerChangedMappingTest {

    private static final CommandMeta META = new CommandMeta("c-1", "org", "p-1", Instant.parse("2026-11-24T10:00:00Z"),
            "exclusion-evaluator", null);

    @Test
    void roundTripsWithAndWithoutATarget() {
        for (String target : new String[] {"mb-2", null}) {
            MailboxOwnerChanged command = new MailboxOwnerChanged(META, "e-1", "mb-1", target);
            assertThat(CommandMapper.toDomain(CommandMapper.toAvro(command))).isEqualTo(command);
        }
    }

    @Test
    void theMailboxIsRequired() {
        CommandEnvelope env = CommandMapper.toAvro(new MailboxOwnerChanged(META, "e-1", "mb-1", null));
        env.setPayload(new MailboxOwnerChangedCommand("e-1", " ", null));
        assertThatThrownBy(() -> CommandMapper.toDomain(env)).hasMessageContaining("mailbox_id");
    }
}
