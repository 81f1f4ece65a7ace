package org.seqengine.enrollment.domain;

/** Why an active enrollment cannot send (seed */
public enum BlockReason {  blocked reasons).:MISSING_VARIABLES, INVALID_VARIABLES, MAILBOX_PAUSED, MAILBOX_UNAUTHORIZED, MAILBOX_FAILURE }
