package org.seqengine.mailer.domain;

import java.time.LocalDate;

/**
 * One result the mailer reports about a send request, before ids and addresses are attached.
 *
 * @param classification for REPLIED, else null
 * @param optOutRequested for REPLIED: the reply asks to be removed
 * @param returnDate for an AUTOMATED out-of-office reply that names one, else null
 * @param failureReason for FAILED, else null
 */
public record Delivery(Outcome outcome, ReplyClassification classification, boolean optOutRequested,
                       LocalDate returnDate, String failureReason) {

    /** The failure reason of {@link Reaction#FAIL}: the scheduler blocks the enrollment with it. */
    public static final String MAILBOX_FAILURE = "MAILBOX_FAILURE";

    public static Delivery sent() {
        return new Delivery(Outcome.SENT, null, false, null, null);
    }

    public static Delivery bounced() {
        return new Delivery(Outcome.BOUNCED, null, false, null, null);
    }

    public static Delivery failed(String reason) {
        return new Delivery(Outcome.FAILED, null, false, null, reason);
    }

    public static Delivery replied(ReplyClassification classification) {
        return new Delivery(Outcome.REPLIED, classification, false, null, null);
    }

    public static Delivery outOfOffice(LocalDate returnDate) {
        return new Delivery(Outcome.REPLIED, ReplyClassification.AUTOMATED, false, returnDate, null);
    }

    public static Delivery removalRequest() {
        return new Delivery(Outcome.REPLIED, ReplyClassification.NEGATIVE, true, null, null);
    }

    public static Delivery optOut() {
        return new Delivery(Outcome.OPT_OUT, null, false, null, null);
    }
}
