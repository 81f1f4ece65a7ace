package org.seqengine.stepscheduler.streams;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.scheduler.domain.MailboxLimits;
import org.seqengine.scheduler.domain.TimeScale;

/** Reads one mailbox's schedule from this instance's stores (interactive query; changes nothing). */
public final class MailboxScheduleQuery {

    /** A mailbox's schedule at {@code asOf}. */
    public record View(boolean known, boolean paused, boolean unauthorized, MailboxLimits limits, long queued,
                       Map<String, Long> waiting, int sendsInRollingDay, Instant nextFreeSlot, Instant asOf) {}

    private MailboxScheduleQuery() {}

    public static Optional<View> of(ReadOnlyKeyValueStore<String, MailboxState> mailboxes, ReadOnlyKeyValueStore<String, String> sendLog,
                                    String mailboxKey, Instant now, TimeScale scale) {
        MailboxState m = mailboxes.get(mailboxKey);
        if (m == null) return Optional.empty();
        MailboxLimits limits = m.settings.limits();
        SendLog.Summary summary = SendLog.readOnly(sendLog, scale).summary(m, mailboxKey, now.toEpochMilli(), limits);
        long queued = m.waiting.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of(new View(m.settings.known(), m.settings.paused(), m.settings.unauthorized(), limits, queued,
                Map.copyOf(m.waiting), summary.sendsInDay(), summary.nextFreeAt(), now));
    }
}
