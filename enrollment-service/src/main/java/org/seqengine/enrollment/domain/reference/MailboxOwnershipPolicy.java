package org.seqengine.enrollment.domain.reference;

/** What a mailbox owner change does to the mailbox's queued enrollments (started ones are always unenrolled). */
public enum MailboxOwnershipPolicy { REASSIGN_QUEUED, UNENROLL_ALL }
