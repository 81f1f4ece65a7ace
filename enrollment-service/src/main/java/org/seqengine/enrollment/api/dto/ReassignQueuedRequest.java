package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.seqengine.service.validation.EmailAddress;

/** {@code POST /sequences/{id}/reassign-queued}: the mailboxes (1..10, known to the organization) to spread queued enrollments over. */
public record ReassignQueuedRequest(
        @NotNull @Size(min = 1, max = Limits.MAILBOX_EMAILS) List<@NotNull @EmailAddress String> mailboxEmails) {}
