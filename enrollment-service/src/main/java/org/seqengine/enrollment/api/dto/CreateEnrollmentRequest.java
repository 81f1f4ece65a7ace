package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.seqengine.service.validation.EmailAddress;
import org.seqengine.service.validation.Uuid;

/** The seed's CreateEnrollmentRequest. */
public record CreateEnrollmentRequest(
        @NotNull @Uuid String sequenceId,
        @NotNull @Uuid String personId,
        @NotNull @Size(min = 1, max = Limits.MAILBOX_EMAILS) List<@NotNull @EmailAddress String> mailboxEmails) {}
