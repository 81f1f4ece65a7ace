package org.seqengine.stepscheduler.api.dto;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.stepscheduler.streams.MailboxScheduleQuery;

/** What the scheduler holds for one mailbox. */
@Schema(name = "MailboxSchedule")
public record MailboxSchedule(
        @Schema(description = "The mailbox id.") String mailboxId,
        @Schema(description = "False while the scheduler has no mailbox record (default limits apply).") boolean known,
        @Schema(description = "Sending is paused (due steps are dispatched and blocked MAILBOX_PAUSED).") boolean isPaused,
        @Schema(description = "The mailbox lost its authorization.") boolean isUnauthorized,
        @Schema(description = "Emails allowed in any rolling (scaled) day.") int dailyLimit,
        @Schema(description = "Least (scaled) seconds between two emails.") int minSecondsBetweenSends,
        @Schema(description = "Steps of this mailbox's enrollments waiting to go (all reasons).") long queueSize,
        @Schema(description = "Of those, by reason: DUE_TIME (not due yet), WINDOW, MAILBOX_CAPACITY, SEQUENCE_PAUSED.")
        Map<String, Long> waiting,
        @Schema(description = "Emails dispatched in the rolling day ending now.") int sendsInRollingDay,
        @Schema(description = "The earliest instant one more email fits the limits (now if it fits now).") Instant nextFreeSlot,
        @Schema(description = "When this was read.") Instant asOf) {

    public static MailboxSchedule of(String mailboxId, MailboxScheduleQuery.View v) {
        return new MailboxSchedule(mailboxId, v.known(), v.paused(), v.unauthorized(), v.limits().dailyLimit(),
                v.limits().minSecondsBetweenSends(), v.queued(), new TreeMap<>(v.waiting()), v.sendsInRollingDay(),
                v.nextFreeSlot(), v.asOf());
    }
}
