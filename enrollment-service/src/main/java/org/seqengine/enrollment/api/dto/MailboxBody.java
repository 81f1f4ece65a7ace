package org.seqengine.enrollment.api.dto;

/** {@code PUT /mailboxes/{id}}. */
public record MailboxBody(String email, String displayName, String ownerId, Boolean isPaused, Boolean isUnauthorized) {}
