package org.seqengine.exclusion.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a changed mailbox's queued enrollments go: each to the new owner's usable mailbox (not
 * paused, authorized, not the changed one) with the fewest active enrollments, ties by mailbox id;
 * each assignment counts toward the next one, so a batch spreads over the owner's mailboxes.
 */
public final class ReassignTargets {

    /** A mailbox of the new owner. */
    public record Candidate(String mailboxId, boolean paused, boolean unauthorized) {}

    private ReassignTargets() {}

    /** One target per enrollment, in order; all null if the owner has no usable mailbox. */
    public static List<String> assign(List<Candidate> candidates, String changedMailboxId, Map<String, Long> loads,
                                      int enrollments) {
        Map<String, Long> load = new HashMap<>();
        for (Candidate c : candidates) {
            if (!c.paused() && !c.unauthorized() && !c.mailboxId().equals(changedMailboxId)) {
                load.put(c.mailboxId(), Math.max(0L, loads.getOrDefault(c.mailboxId(), 0L)));
            }
        }
        List<String> targets = new ArrayList<>();
        Comparator<Map.Entry<String, Long>> order =
                Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey());
        for (int i = 0; i < enrollments; i++) {
            String target = load.entrySet().stream().min(order).map(Map.Entry::getKey).orElse(null);
            if (target != null) load.merge(target, 1L, Long::sum);
            targets.add(target);
        }
        return targets;
    }
}
