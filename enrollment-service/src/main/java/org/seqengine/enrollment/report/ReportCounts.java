package org.seqengine.enrollment.report;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** One bucket of a sequence's report (all time, or one day): counter name to count. */
public record ReportCounts(Map<String, Long> counts) {

    public ReportCounts {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    public static ReportCounts empty() {
        return new ReportCounts(Map.of());
    }

    /** These counts with {@code delta} applied; counters that reach 0 are dropped. */
    public ReportCounts plus(Map<String, Long> delta) {
        Map<String, Long> next = new HashMap<>(counts);
        delta.forEach((k, n) -> next.merge(k, n, Long::sum));
        next.values().removeIf(n -> n == 0);
        return new ReportCounts(next);
    }

    /** The counters under {@code prefix}, without it, sorted by name. */
    public Map<String, Long> withPrefix(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, n) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), n);
        });
        return out;
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
