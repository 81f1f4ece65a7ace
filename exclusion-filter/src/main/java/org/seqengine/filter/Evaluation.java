package org.seqengine.filter;

import java.time.Instant;
import java.util.List;

/**
 * The result of evaluating a filter at an instant.
 *
 * @param evidence   the statements that made it match (empty when it does not)
 * @param nextFlipAt the earliest instant after {@code now} at which a time-relative condition
 *                   ({@code within_last_days}, {@code older_than_days}) changes truth, so the
 *                   result may change with no new facts; null if none. Until then the result
 *                   cannot change. It has nanosecond precision: schedule at or after it.
 */
public record Evaluation(boolean matches, List<Evidence> evidence, Instant nextFlipAt) {

    public Evaluation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
