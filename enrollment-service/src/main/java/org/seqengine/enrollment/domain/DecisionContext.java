package org.seqengine.enrollment.domain;

import java.time.Instant;
import org.seqengine.scheduler.domain.TimeScale;

/**
 * What a decision needs from outside the person's state: the time, the reference data, and how long
 * a scheduling "day" lasts ({@code SCHEDULER_DAY_LENGTH}: out-of-office pauses are counted in such days).
 */
public record DecisionContext(Instant now, ReferenceData reference, TimeScale timeScale) {

    public DecisionContext {
        timeScale = timeScale == null ? TimeScale.realTime() : timeScale;
    }

    /** Real time: a day is 24 hours. */
    public DecisionContext(Instant now, ReferenceData reference) {
        this(now, reference, TimeScale.realTime());
    }
}
