package org.seqengine.stepscheduler.streams;

import java.time.Duration;
import org.seqengine.scheduler.domain.TimeScale;

/**
 * How the topology runs.
 *
 * @param scale                 the length of a scheduling day ({@code SCHEDULER_DAY_LENGTH})
 * @param tickInterval          how often each task fires its due timers (wall clock)
 * @param maxFiresPerTick       most timers one tick fires, and most queued emails one drain of a mailbox looks at
 * @param sequenceCheckInterval how often each task compares its sequences with the global stores (pause, window, steps)
 * @param maxReplansPerCheck    most enrollments one check re-plans after sequence changes; the rest go on at the next check
 */
public record SchedulerSettings(TimeScale scale, Duration tickInterval, int maxFiresPerTick,
                                Duration sequenceCheckInterval, int maxReplansPerCheck) {

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(TimeScale.realTime(), Duration.ofMillis(100), 10_000, Duration.ofMillis(200), 10_000);
    }

    public SchedulerSettings withScale(TimeScale scale) {
        return new SchedulerSettings(scale, tickInterval, maxFiresPerTick, sequenceCheckInterval, maxReplansPerCheck);
    }

    public SchedulerSettings withMaxReplansPerCheck(int max) {
        return new SchedulerSettings(scale, tickInterval, maxFiresPerTick, sequenceCheckInterval, max);
    }

    public SchedulerSettings withMaxFiresPerTick(int max) {
        return new SchedulerSettings(scale, tickInterval, max, sequenceCheckInterval, maxReplansPerCheck);
    }
}
