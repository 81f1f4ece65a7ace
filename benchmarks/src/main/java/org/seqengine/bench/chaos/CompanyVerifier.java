package org.seqengine.bench.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.BounceStoppedEvent;
import org.seqengine.schemas.avro.BouncedEvent;
import org.seqengine.schemas.avro.CompletedEvent;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExcludedEvent;
import org.seqengine.schemas.avro.OptedOutEvent;
import org.seqengine.schemas.avro.ReopenedEvent;
import org.seqengine.schemas.avro.RepliedEvent;
import org.seqengine.schemas.avro.UnenrolledEvent;

/**
 * Checks {@code max_active_enrollments_per_company} from {@code enrollment.events.v1} read
 * read_committed: replaying every enrollment's start (Enrolled, Reopened) and end (Unenrolled,
 * Completed, Excluded, a finishing reply, an opt-out, ...) per company domain, no domain ever has
 * more than the limit active, and each domain ends with the count expected. The log is partitioned by
 * person, so the partitions are merged by {@code occurred_at} (the decision's wall-clock time on the
 * service): a slot freed by an end is granted only after the ledger saw that end, a transaction
 * later, so an honest start never precedes the end that made room for it. Within a partition the
 * log's order is kept. Prints COMPANY-LIMIT-HELD, or the violations with examples.
 */
public final class CompanyVerifier {

    /** The verdict and its figures; {@code samples} holds a few violations of each kind. */
    public record Report(int limit, long events, long duplicateEventIds, long enrollments, long enrolledWithoutDomain,
                         long enrolledTwice, long overLimit, Map<String, Integer> maxActiveByDomain,
                         Map<String, Integer> activeAtEnd, long endMismatches, List<String> samples) {

        public boolean held() {
            return duplicateEventIds == 0 && enrolledWithoutDomain == 0 && enrolledTwice == 0 && overLimit == 0
                    && endMismatches == 0;
        }

        public int maxActive() {
            return maxActiveByDomain.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        public String summary() {
            String figures = String.format("limit %d, events %,d, duplicate event ids %,d, enrollments %,d, enrolled without"
                            + " a company domain %,d, enrolled twice %,d, moments over the limit %,d, most active at one domain"
                            + " at any point %d, domains %d, domains not at their expected count at the end %d",
                    limit, events, duplicateEventIds, enrollments, enrolledWithoutDomain, enrolledTwice, overLimit,
                    maxActive(), maxActiveByDomain.size(), endMismatches);
            return (held() ? "COMPANY-LIMIT-HELD" : "COMPANY-LIMIT-BROKEN") + ": " + figures
                    + (samples.isEmpty() ? "" : "\n  e.g. " + String.join("\n  e.g. ", samples));
        }
    }

    private CompanyVerifier() {
    }

    /** Reads the event log to its end (read_committed) and checks it; see {@link #verify(Map, int, Map)}. */
    public static Report verify(String bootstrap, int limit, Map<String, Integer> expectedAtEnd) {
        Map<Integer, List<EventEnvelope>> byPartition = new TreeMap<>();
        Verifier.readAll(bootstrap, Topics.EVENTS.name(), r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                .add(Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value())));
        return verify(byPartition, limit, expectedAtEnd);
    }

    /**
     * @param byPartition   the event log, each partition in its order
     * @param expectedAtEnd normalized domain -> how many enrollments must be active there at the end (domains not
     *                      named are only held to the limit)
     */
    public static Report verify(Map<Integer, List<EventEnvelope>> byPartition, int limit, Map<String, Integer> expectedAtEnd) {
        List<String> samples = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        Map<String, String> domainOf = new HashMap<>();
        Map<String, Set<String>> activeByDomain = new TreeMap<>();
        Map<String, Integer> maxByDomain = new TreeMap<>();
        long events = 0;
        long duplicates = 0;
        long withoutDomain = 0;
        long twice = 0;
        long over = 0;
        for (EventEnvelope e : merged(byPartition)) {
            events++;
            if (!eventIds.add(e.getEventId())) {
                duplicates++;
                sample(samples, "event id twice: " + e.getEventId());
                continue; // a duplicate must not be replayed twice
            }
            Object p = e.getPayload();
            String id = e.getEnrollmentId();
            if (p instanceof EnrolledEvent enrolled) {
                String domain = enrolled.getCompanyDomain();
                if (domain == null) {
                    withoutDomain++;
                    sample(samples, "enrolled without a company domain (not counted): enrollment " + id);
                    continue;
                }
                if (domainOf.put(id, domain) != null) {
                    twice++;
                    sample(samples, "Enrolled twice: enrollment " + id);
                }
                over += start(activeByDomain, maxByDomain, domain, id, limit, e, samples);
            } else if (p instanceof ReopenedEvent && domainOf.containsKey(id)) {
                over += start(activeByDomain, maxByDomain, domainOf.get(id), id, limit, e, samples);
            } else if (p instanceof OptedOutEvent o) {
                o.getEndedEnrollmentIds().forEach(ended -> end(activeByDomain, domainOf.get(ended), ended));
            } else if (ends(p)) {
                end(activeByDomain, domainOf.get(id), id);
            }
        }
        Map<String, Integer> atEnd = new TreeMap<>();
        activeByDomain.forEach((domain, active) -> atEnd.put(domain, active.size()));
        long mismatches = 0;
        for (Map.Entry<String, Integer> expected : expectedAtEnd.entrySet()) {
            int actual = atEnd.getOrDefault(expected.getKey(), 0);
            if (actual != expected.getValue()) {
                mismatches++;
                sample(samples, expected.getKey() + ": " + actual + " active at the end, expected " + expected.getValue());
            }
        }
        return new Report(limit, events, duplicates, domainOf.size(), withoutDomain, twice, over, maxByDomain, atEnd,
                mismatches, samples);
    }

    private static int start(Map<String, Set<String>> activeByDomain, Map<String, Integer> maxByDomain, String domain,
                             String id, int limit, EventEnvelope e, List<String> samples) {
        Set<String> active = activeByDomain.computeIfAbsent(domain, d -> new LinkedHashSet<>());
        active.add(id);
        maxByDomain.merge(domain, active.size(), Math::max);
        if (active.size() > limit) {
            sample(samples, domain + ": " + active.size() + " active at " + e.getOccurredAt() + " " + active);
            return 1;
        }
        return 0;
    }

    private static void end(Map<String, Set<String>> activeByDomain, String domain, String id) {
        if (domain != null) {
            activeByDomain.getOrDefault(domain, new HashSet<>()).remove(id);
        }
    }

    private static boolean ends(Object p) {
        return p instanceof UnenrolledEvent || p instanceof CompletedEvent || p instanceof BouncedEvent
                || p instanceof BounceStoppedEvent || p instanceof ExcludedEvent
                || (p instanceof RepliedEvent reply && reply.getFinishes());
    }

    /**
     * The partitions merged by {@code occurred_at}, each kept in its order; on a tie an end goes before a
     * start (both orders are possible then, and a start must not be charged to an end that came first).
     */
    static List<EventEnvelope> merged(Map<Integer, List<EventEnvelope>> byPartition) {
        List<List<EventEnvelope>> partitions = new ArrayList<>(byPartition.values());
        int[] next = new int[partitions.size()];
        List<EventEnvelope> out = new ArrayList<>();
        while (true) {
            int best = -1;
            for (int i = 0; i < partitions.size(); i++) {
                if (next[i] < partitions.get(i).size()
                        && (best < 0 || before(partitions.get(i).get(next[i]), partitions.get(best).get(next[best])))) {
                    best = i;
                }
            }
            if (best < 0) {
                return out;
            }
            out.add(partitions.get(best).get(next[best]++));
        }
    }

    private static boolean before(EventEnvelope a, EventEnvelope b) {
        int byTime = a.getOccurredAt().compareTo(b.getOccurredAt());
        if (byTime != 0) {
            return byTime < 0;
        }
        return !isStart(a) && isStart(b);
    }

    private static boolean isStart(EventEnvelope e) {
        return e.getPayload() instanceof EnrolledEvent || e.getPayload() instanceof ReopenedEvent;
    }

    private static void sample(List<String> samples, String what) {
        if (samples.size() < 12) {
            samples.add(what);
        }
    }
}
