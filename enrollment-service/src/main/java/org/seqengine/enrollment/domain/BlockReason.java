package org.seqengine.enrollment.domain;

/** Why an active enrollment cannot send (the seed's blocked reasons). */
public enum BlockReason { MISSING_VARIABLES, INVALID_VARIABLES, MAILBOX_PAUSED, MAILBOX_UNAUTHORIZED, MAILBOX_FAILURE }
