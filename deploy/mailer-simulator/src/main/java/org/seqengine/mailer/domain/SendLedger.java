package org.seqengine.mailer.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which send requests this mailer has sent, and how often each was sent and received. The mailer dedupes on it (a
 * request sent before is not sent again), and the counts prove it: a request with {@code sends > 1} was emailed twice.
 * Updated only after the results of a send are committed; rebuilt at start-up from the committed results. Thread-safe.
 */
public final class SendLedger {

    /**
     * @param sends emails sent for this request (1 unless something is wrong)
     * @param received times the request arrived here since start-up, duplicates included (after a restart, at least
     *                 {@code sends})
     */
    public record RequestCount(String requestId, long sends, long received) {
    }

    private static final class Counts {
        final AtomicLong sends = new AtomicLong();
        final AtomicLong received = new AtomicLong();
    }

    private final Map<String, Counts> byRequest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> sentMoreThanOnce = new ConcurrentHashMap<>();
    private final AtomicLong totalSends = new AtomicLong();
    private final AtomicLong distinctRequests = new AtomicLong();
    private final AtomicLong duplicatesReceived = new AtomicLong();

    public boolean hasSent(String requestId) {
        Counts counts = byRequest.get(requestId);
        return counts != null && counts.sends.get() > 0;
    }

    /** The request arrived and was sent (its results are committed). */
    public void recordSent(String requestId) {
        Counts counts = byRequest.computeIfAbsent(requestId, id -> new Counts());
        counts.received.incrementAndGet();
        long sends = counts.sends.incrementAndGet();
        if (sends == 1) {
            distinctRequests.incrementAndGet();
        } else {
            sentMoreThanOnce.put(requestId, Boolean.TRUE);
        }
        totalSends.incrementAndGet();
    }

    /** The request arrived again after it was sent: nothing was sent. */
    public void recordDuplicate(String requestId) {
        byRequest.computeIfAbsent(requestId, id -> new Counts()).received.incrementAndGet();
        duplicatesReceived.incrementAndGet();
    }

    public RequestCount countOf(String requestId) {
        Counts counts = byRequest.get(requestId);
        return counts == null ? new RequestCount(requestId, 0, 0)
                : new RequestCount(requestId, counts.sends.get(), counts.received.get());
    }

    public long totalSends() {
        return totalSends.get();
    }

    public long duplicatesReceived() {
        return duplicatesReceived.get();
    }

    /** Requests sent at least once. */
    public long distinctRequests() {
        return distinctRequests.get();
    }

    public int sentMoreThanOnceCount() {
        return sentMoreThanOnce.size();
    }

    /** The requests sent more than once, by request id, at most {@code limit}. */
    public List<RequestCount> sentMoreThanOnce(int limit) {
        return sentMoreThanOnce.keySet().stream().sorted(Comparator.naturalOrder()).limit(limit)
                .map(this::countOf).toList();
    }
}
