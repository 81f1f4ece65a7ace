package org.seqengine.mailer.domain;

/** The {@code outcome} of a delivery result (DeliveryResultRecord). */
public enum Outcome {
    SENT, BOUNCED, REPLIED, OPT_OUT, FAILED;

    /** Whether this outcome reports the send attempt itself: exactly one such result per email sent. */
    public boolean isSendAttempt() {
        return this == SENT || this == BOUNCED || this == FAILED;
    }
}
