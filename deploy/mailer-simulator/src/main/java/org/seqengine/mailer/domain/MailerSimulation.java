package org.seqengine.mailer.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the simulated mailbox reports for one send request: pure, so a redelivered request gets the same answer. */
public final class MailerSimulation {

    /** {@code +ooo}: the person is back this many calendar days after the send (UTC). */
    public static final int OOO_RETURN_DAYS = 3;

    private MailerSimulation() {
    }

    /**
     * The results, in order, of sending step {@code stepIndex} (0-based) to {@code toEmail} on {@code today} (UTC):
     * SENT unless the address's plus tag applies to this step (see {@link PlusTag}).
     */
    public static List<Delivery> deliveriesFor(String toEmail, int stepIndex, LocalDate today) {
        return PlusTag.of(toEmail).filter(tag -> tag.appliesTo(stepIndex))
                .map(tag -> deliveriesFor(tag.reaction(), today))
                .orElse(List.of(Delivery.sent()));
    }

    static List<Delivery> deliveriesFor(Reaction reaction, LocalDate today) {
        return switch (reaction) {
            case BOUNCE -> List.of(Delivery.bounced());
            case FAIL -> List.of(Delivery.failed(Delivery.MAILBOX_FAILURE));
            case REPLY_POSITIVE -> sentThen(Delivery.replied(ReplyClassification.POSITIVE));
            case REPLY_NEGATIVE -> sentThen(Delivery.replied(ReplyClassification.NEGATIVE));
            case REPLY_NEUTRAL -> sentThen(Delivery.replied(ReplyClassification.NEUTRAL));
            case REPLY_AUTOMATED, OOO_NORETURN -> sentThen(Delivery.replied(ReplyClassification.AUTOMATED));
            case OOO -> sentThen(Delivery.outOfOffice(today.plusDays(OOO_RETURN_DAYS)));
            case OPTOUT -> sentThen(Delivery.optOut());
            case REMOVAL_REQUEST -> sentThen(Delivery.removalRequest());
        };
    }

    private static List<Delivery> sentThen(Delivery reaction) {
        return List.of(Delivery.sent(), reaction);
    }

    /**
     * The id of the result with this outcome about this request: a name-based UUID of {@code request_id/OUTCOME}, so
     * a request processed again (after a crash) yields byte-identical ids and consumers dedupe on them.
     */
    public static String resultId(String requestId, Outcome outcome) {
        return UUID.nameUUIDFromBytes((requestId + "/" + outcome.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
