package org.seqengine.stepscheduler.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.seqengine.scheduler.domain.TimeScale;
import org.seqengine.stepscheduler.config.SchedulerConfig;

/** The day length ({@code SCHEDULER_DAY_LENGTH}), parsed once: an invalid value stops the service at start, naming it. */
@ApplicationScoped
public class SchedulerTimeScale {

    @Inject
    SchedulerConfig config;

    private volatile TimeScale scale;

    public TimeScale get() {
        if (scale == null) {
            try {
                scale = TimeScale.parse(config.dayLength());
            } catch (RuntimeException e) {
                throw new IllegalStateException("SCHEDULER_DAY_LENGTH (scheduler.day-length) is invalid: " + e.getMessage(), e);
            }
        }
        return scale;
    }
}
