package org.seqengine.enrollment.domain;

/** Why an enrollment ended. */
public enum FinishReason {
    SEQUENCE_COMPLETED,
    UNENROLLED,
    MAILBOX_OWNERSHIP_CHANGED,
    REPLIED,
    BOUNCED,
    BOUNCE_STOPPED,
    OPTED_OUT,
    EXCLUDED,
    /** A colleague at the same company domain replied (organization setting {@code stop_company_on_reply}). */
    COLLEAGUE_REPLIED
}
