package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.scheduler.domain.MailboxLimits;
import org.seqengine.service.validation.EmailAddress;

/**
 * {@code PUT /mailboxes/{id}}. The sending limits are scheduling-core's {@link MailboxLimits} (ranges
 * and defaults in one place): shared by every sequence sending from the mailbox.
 */
public record MailboxBody(
        @NotNull @EmailAddress String email,
        @Size(max = Limits.NAME) String displayName,
        @Size(max = Limits.NAME) String ownerId,
        Boolean isPaused,
        Boolean isUnauthorized,
        @Schema(description = "Emails over any rolling day, all sequences together (default 200).")
        @Min(1) @Max(MailboxLimits.MAX_DAILY_LIMIT) Integer dailyLimit,
        @Schema(description = "Least time between two emails of the mailbox (default 0).")
        @Min(0) @Max(MailboxLimits.MAX_MIN_SECONDS_BETWEEN_SENDS) Integer minSecondsBetweenSends) {}
