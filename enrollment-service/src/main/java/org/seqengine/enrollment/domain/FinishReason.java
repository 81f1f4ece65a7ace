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
    COLLEAGUE_REPLIED,
    /** The person was erased (DELETE /people/{id}?mode=erase). */
    PERSON_ERASED,
    /** The person's email is suppressed (an erased person re-created): found at dispatch. */
    SUPPRESSED
}
