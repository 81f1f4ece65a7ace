package org.seqengine.mailer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The outcome mapping of SCHEDULER.md §4, tag by tag. */
class MailerSimulationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 27);

    private static List<Delivery> first(String email) {
        return MailerSimulation.deliveriesFor(email, 0, TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada+news@example.com", "ada+reply-angry@example.com",
            "ada+bounce-0@example.com", "not an address"})
    void noOrAnUnknownTagIsSent(String email) {
        assertThat(first(email)).containsExactly(Delivery.sent());
    }

    @Test
    void bounceIsBouncedAlone() {
        assertThat(first("ada+bounce@example.com")).containsExactly(
                new Delivery(Outcome.BOUNCED, null, false, null, null));
    }

    @Test
    void failIsAMailboxFailureAlone() {
        assertThat(first("ada+fail@example.com")).containsExactly(
                new Delivery(Outcome.FAILED, null, false, null, "MAILBOX_FAILURE"));
    }

    @Test
    void repliesComeAfterTheSendWithTheirClassification() {
        assertThat(first("ada+reply-positive@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.POSITIVE, false, null, null));
        assertThat(first("ada+reply-negative@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.NEGATIVE, false, null, null));
        assertThat(first("ada+reply-neutral@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.NEUTRAL, false, null, null));
        assertThat(first("ada+reply-automated@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.AUTOMATED, false, null, null));
    }

    @Test
    void outOfOfficeIsAnAutomatedReplyBackInThreeDaysOrWithoutADate() {
        assertThat(first("ada+ooo@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.AUTOMATED, false, LocalDate.of(2026, 3, 30), null));
        assertThat(first("ada+ooo-noreturn@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.AUTOMATED, false, null, null));
    }

    @Test
    void optOutIsALinkClickAfterTheSend() {
        assertThat(first("ada+optout@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.OPT_OUT, null, false, null, null));
    }

    @Test
    void aRemovalRequestIsANegativeReplyAskingToBeRemoved() {
        assertThat(first("ada+removal-request@example.com")).containsExactly(Delivery.sent(),
                new Delivery(Outcome.REPLIED, ReplyClassification.NEGATIVE, true, null, null));
    }

    @ParameterizedTest
    @EnumSource(Reaction.class)
    void aNumberedTagActsOnlyOnItsStep(Reaction reaction) {
        String email = "ada+" + reaction.tag() + "-2@example.com";
        assertThat(MailerSimulation.deliveriesFor(email, 0, TODAY)).containsExactly(Delivery.sent());
        assertThat(MailerSimulation.deliveriesFor(email, 1, TODAY))
                .isEqualTo(MailerSimulation.deliveriesFor(reaction, TODAY))
                .isNotEqualTo(List.of(Delivery.sent()));
        assertThat(MailerSimulation.deliveriesFor(email, 2, TODAY)).containsExactly(Delivery.sent());
    }

    @ParameterizedTest
    @EnumSource(Reaction.class)
    void everyReactionReportsExactlyOneSendAttemptFirst(Reaction reaction) {
        List<Delivery> deliveries = MailerSimulation.deliveriesFor(reaction, TODAY);
        assertThat(deliveries.get(0).outcome().isSendAttempt()).isTrue();
        assertThat(deliveries).filteredOn(d -> d.outcome().isSendAttempt()).hasSize(1);
    }

    @Test
    void resultIdsAreNameBasedOnRequestAndOutcome() {
        String a = MailerSimulation.resultId("req-1", Outcome.SENT);
        assertThat(MailerSimulation.resultId("req-1", Outcome.SENT)).isEqualTo(a);
        assertThat(MailerSimulation.resultId("req-1", Outcome.REPLIED)).isNotEqualTo(a);
        assertThat(MailerSimulation.resultId("req-2", Outcome.SENT)).isNotEqualTo(a);
        assertThat(java.util.UUID.fromString(a).version()).isEqualTo(3);
    }
}
