package org.seqengine.enrollment.domain.reference;

import org.seqengine.enrollment.domain.ReplyClassification;

/** Organization setting {@code stop_company_on_reply}: which replies stop the colleagues at the same company. */
public enum CompanyReplyPolicy {
    OFF,
    ANY_REPLY,
    POSITIVE_OR_NEUTRAL;

    /** Whether a reply so classified stops the replier's colleagues (an AUTOMATED reply never does). */
    public boolean stopsColleagues(ReplyClassification classification) {
        if (classification == null || classification == ReplyClassification.AUTOMATED) {
            return false;
        }
        return switch (this) {
            case OFF -> false;
            case ANY_REPLY -> true;
            case POSITIVE_OR_NEUTRAL -> classification == ReplyClassification.POSITIVE
                    || classification == ReplyClassification.NEUTRAL;
        };
    }
}
