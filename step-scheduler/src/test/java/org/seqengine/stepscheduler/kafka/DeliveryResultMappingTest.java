package org.seqengine.stepscheduler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.avro.BlockCommand;
import org.seqengine.schemas.avro.BounceCommand;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CompleteStepCommand;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.OptOutCommand;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.RecordReplyCommand;
import org.seqengine.schemas.avro.SealedValueRecord;
import org.seqengine.schemas.personal.PersonalSeal;

/** Each delivery outcome becomes one command, id result:<result_id>; anything malformed is rejected naming every problem. */
class DeliveryResultMappingTest {

    static final Instant AT = Instant.parse("2026-11-24T10:15:00Z");

    static DeliveryResultRecord result(String outcome, Consumer<DeliveryResultRecord.Builder> change) {
        DeliveryResultRecord.Builder b = DeliveryResultRecord.newBuilder().setResultId("res-1").setRequestId("req-1")
                .setOrgId("org-a").setPersonId("p-1").setEnrollmentId("e-1").setStepIndex(1).setOutcome(outcome)
                .setOccurredAt(AT);
        change.accept(b);
        return b.build();
    }

    static CommandEnvelope command(DeliveryResultRecord r) {
        DeliveryResultMapping.Outcome outcome = DeliveryResultMapping.map(r);
        assertThat(outcome).isInstanceOf(DeliveryResultMapping.Command.class);
        DeliveryResultMapping.Command c = (DeliveryResultMapping.Command) outcome;
        assertThat(c.key()).isEqualTo("org-a/p-1");
        assertThat(c.command().getCommandId()).isEqualTo("result:res-1");
        assertThat(c.command().getOrgId()).isEqualTo("org-a");
        assertThat(c.command().getPersonId()).isEqualTo("p-1");
        assertThat(c.command().getIssuedAt()).isEqualTo(AT);
        assertThat(c.command().getActor()).isEqualTo("mailer");
        return c.command();
    }

    @Test
    void sentCompletesTheStep() {
        CompleteStepCommand c = (CompleteStepCommand) command(result("SENT", b -> {})).getPayload();
        assertThat(c.getEnrollmentId()).isEqualTo("e-1");
        assertThat(c.getStepIndex()).isEqualTo(1);
    }

    @Test
    void bouncedIsABounce() {
        assertThat(((BounceCommand) command(result("BOUNCED", b -> {})).getPayload()).getEnrollmentId()).isEqualTo("e-1");
    }

    @Test
    void repliedRecordsTheReplyWithItsClassificationReturnDateAndRemovalRequest() {
        RecordReplyCommand c = (RecordReplyCommand) command(result("REPLIED", b -> b.setClassification("AUTOMATED")
                .setReturnDate(LocalDate.parse("2026-11-27")).setSubject("Out of office"))).getPayload();
        assertThat(c.getEnrollmentId()).isEqualTo("e-1");
        assertThat(c.getReplyId()).isEqualTo("res-1");
        assertThat(c.getClassification()).isEqualTo("AUTOMATED");
        assertThat(c.getReceivedAt()).isEqualTo(AT);
        assertThat(c.getReturnDate()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(c.getSubject()).isEqualTo("Out of office");
        assertThat(c.getOptOutRequested()).isFalse();

        RecordReplyCommand removal = (RecordReplyCommand) command(result("REPLIED", b -> b.setClassification("NEGATIVE")
                .setOptOutRequested(true))).getPayload();
        assertThat(removal.getOptOutRequested()).isTrue();
        assertThat(removal.getReturnDate()).isNull();
    }

    @Test
    void aSealedReplySubjectIsPassedOnSealedAndAnOldClearOneInClear() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", "p-1", AT);
        SealedValueRecord sealed = PersonalSeal.seal(key, "subject", "Re: Hello Zelda");
        RecordReplyCommand c = (RecordReplyCommand) command(result("REPLIED", b -> b.setClassification("POSITIVE")
                .setSealed(sealed))).getPayload();
        assertThat(c.getSubject()).isNull();
        assertThat(c.getSealedSubject()).isEqualTo(sealed);
        assertThat(PersonalSeal.openField(key, c.getSealedSubject(), "subject")).isEqualTo("Re: Hello Zelda");

        RecordReplyCommand old = (RecordReplyCommand) command(result("REPLIED", b -> b.setClassification("POSITIVE")
                .setSubject("Re: Hello"))).getPayload();
        assertThat(old.getSubject()).isEqualTo("Re: Hello");
        assertThat(old.getSealedSubject()).isNull();
    }

    @Test
    void optOutIsAnOptOutFromTheLink() {
        assertThat(((OptOutCommand) command(result("OPT_OUT", b -> {})).getPayload()).getSource()).isEqualTo("LINK");
    }

    @Test
    void failedBlocksForAMailboxFailure() {
        BlockCommand c = (BlockCommand) command(result("FAILED", b -> b.setFailureReason("MAILBOX_FAILURE"))).getPayload();
        assertThat(c.getEnrollmentId()).isEqualTo("e-1");
        assertThat(c.getBlockReason()).isEqualTo("MAILBOX_FAILURE");
    }

    @Test
    void theSameResultTwiceIsTheSameCommand() {
        assertThat(DeliveryResultMapping.map(result("SENT", b -> {}))).isEqualTo(DeliveryResultMapping.map(result("SENT", b -> {})));
    }

    @Test
    void malformedResultsAreRejectedNamingEveryProblem() {
        assertThat(DeliveryResultMapping.map(result("DELIVERED", b -> b.setResultId(" ").setStepIndex(-1))))
                .isInstanceOfSatisfying(DeliveryResultMapping.Rejected.class, r -> assertThat(r.reason())
                        .contains("result_id is required", "step_index must be >= 0", "outcome must be one of"));
        assertThat(DeliveryResultMapping.map(result("REPLIED", b -> b.setClassification("HAPPY"))))
                .isInstanceOfSatisfying(DeliveryResultMapping.Rejected.class, r -> assertThat(r.reason()).contains("classification"));
        assertThat(DeliveryResultMapping.map(result("SENT", b -> b.setOrgId("a/b").setPersonId(""))))
                .isInstanceOfSatisfying(DeliveryResultMapping.Rejected.class, r -> assertThat(r.reason())
                        .contains("person_id is required", "org_id must not contain"));
    }
}
