package org.seqengine.enrollment.report;

import java.util.Map;

/**
 * A change to a sequence's report counts (keyed {@code org/sequence} on the report's repartition topic):
 * counter name to +n / -n, counted in the bucket of {@code day} (UTC, {@code yyyy-MM-dd}).
 * Counters: {@code status:<DISPLAY_STATUS>}, {@code finish:<FINISH_REASON>}, {@code rejected:<CODE>},
 * {@code enrollments}.
 */
public record ReportDelta(String day, Map<String, Long> counts, Member member) {

    /**
     * An enrollment of {@code personId} (at {@code companyDomain}, or null) came into the sequence
     * ({@code change} +1) or left it (-1): the report counts distinct people and companies.
     */
    public record Member(String personId, String companyDomain, int change) {}

    public ReportDelta {
        counts = Map.copyOf(counts);
    }

    public ReportDelta(String day, Map<String, Long> counts) {
        this(day, counts, null);
    }

    public boolean isEmpty() {
        return counts.isEmpty() && member == null;
    }
}
