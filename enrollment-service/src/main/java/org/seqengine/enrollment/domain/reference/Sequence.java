package org.seqengine.enrollment.domain.reference;

import java.util.List;

/** A sequence as published by upstream. {@code rulesetId} null means the org's {@code default} ruleset. */
public record Sequence(String orgId, String id, String name, boolean published, boolean paused,
                       String rulesetId, List<Step> steps) {
    public Sequence {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
