package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.seqengine.service.validation.EmailAddress;

/** {@code PUT /mailboxes/{id}}. */
public record MailboxBody(
        @NotNull @EmailAddress String email,
        @Size(max = Limits.NAME) String displayName,
        @Size(max = Limits.NAME) String ownerId,
        Boolean isPaused,
        Boolean isUnauthorized) {}
