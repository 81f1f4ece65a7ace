package org.seqengine.enrollment.domain.reference;

/** A sending mailbox of an organization. Emails compare case-insensitively. */
public record Mailbox(String orgId, String id, String email, String displayName, String ownerId,
                      boolean paused, boolean unauthorized) {}
