package org.seqengine.exclusion.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What applying a proposed rule would change, over the people of some domains (one instance's
 * share, or — after {@link #merge} — the cluster's). {@code samplePersonIds}: up to
 * {@value #MAX_SAMPLES} of the newly matching people, lowest ids first (so merging is deterministic).
 */
public record WhatIfResult(long newlyMatchingPeople, long noLongerMatchingPeople, long activeEnrollmentsRemoved,
                           Map<String, Long> removedBySequence, List<String> samplePersonIds) {

    public static final int MAX_SAMPLES = 20;

    public record SequenceRemovals(String sequenceId, long removed) {}

    public WhatIfResult {
        removedBySequence = new TreeMap<>(removedBySequence);
        samplePersonIds = new TreeSet<>(samplePersonIds).stream().limit(MAX_SAMPLES).toList();
    }

    public static WhatIfResult empty() {
        return new WhatIfResult(0, 0, 0, Map.of(), List.of());
    }

    public WhatIfResult merge(WhatIfResult other) {
        Map<String, Long> bySequence = new TreeMap<>(removedBySequence);
        other.removedBySequence().forEach((k, v) -> bySequence.merge(k, v, Long::sum));
        return new WhatIfResult(newlyMatchingPeople + other.newlyMatchingPeople,
                noLongerMatchingPeople + other.noLongerMatchingPeople,
                activeEnrollmentsRemoved + other.activeEnrollmentsRemoved, bySequence,
                Stream.concat(samplePersonIds.stream(), other.samplePersonIds.stream()).toList());
    }

    /** {@code by_sequence}: most removals first, then by sequence id. */
    public List<SequenceRemovals> bySequence() {
        return removedBySequence.entrySet().stream()
                .map(e -> new SequenceRemovals(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SequenceRemovals::removed).reversed()
                        .thenComparing(SequenceRemovals::sequenceId))
                .toList();
    }
}
