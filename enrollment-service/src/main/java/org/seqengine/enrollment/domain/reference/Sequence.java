package org.seqengine.enrollment.domain.reference;

import java.util.List;

/**
 * A sequence as published by upstream. {@code rulesetId} null means the org's {@code default} ruleset.
 *
 * @param version        the version of the steps (each change of steps is version n+1)
 * @param schedule       when its emails may go out, as stored (validated by scheduling-core); null = any time
 * @param taskAssignment who gets TASK steps: MAILBOX_OWNER (null = this), SENDER, ENROLLER, RECORD_OWNER, USER:&lt;id&gt;
 */
public record Sequence(String orgId, String id, String name, boolean published, boolean paused,
                       String rulesetId, List<Step> steps, int version, Schedule schedule, String taskAssignment) {
    public Sequence {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Version 1, no send window, tasks to the mailbox owner. */
    public Sequence(String orgId, String id, String name, boolean published, boolean paused,
                    String rulesetId, List<Step> steps) {
        this(orgId, id, name, published, paused, rulesetId, steps, 1, null, null);
    }

    /** The same sequence with another pause state. */
    public Sequence withPaused(boolean paused) {
        return new Sequence(orgId, id, name, published, paused, rulesetId, steps, version, schedule, taskAssignment);
    }

    /**
     * A send window as stored: {@code timeZone} an IANA zone, {@code days} MON..SUN, times HH:mm.
     * Raw on purpose: the REST edge validated it, scheduling-core's {@code SendWindowParser} reads it.
     */
    public record Schedule(String timeZone, List<String> days, String startTime, String endTime) {
        public Schedule {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }
}
