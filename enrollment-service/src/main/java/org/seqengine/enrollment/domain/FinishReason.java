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
    EXCLUDED
}
