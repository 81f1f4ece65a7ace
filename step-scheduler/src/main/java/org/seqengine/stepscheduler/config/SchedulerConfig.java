package org.seqengine.stepscheduler.config;

import org.seqengine.service.config.TopicSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of step-scheduler (prefix {@code scheduler.}); defaults live in application.properties.
 * API keys and the rate limit are the shared edge's ({@code enrollment.api-keys}, i.e. ENROLLMENT_API_KEYS).
 */
@ConfigMapping(prefix = "scheduler")
public interface SchedulerConfig {

    /** How long a scheduling "day" lasts (ISO-8601, PT10S..P1D): wait_days, send windows and the rolling-day limit scale with it. */
    @WithDefault("P1D")
    String dayLength();

    /** How often each task fires its due timers. */
    @WithDefault("100ms")
    Duration tickInterval();

    /** At most this many timers fired per tick (and queued emails looked at per mailbox drain); the rest go on at the next tick. */
    @WithDefault("10000")
    int maxFiresPerTick();

    /** How often each task compares its sequences (pause, window, version) with the global stores. */
    @WithDefault("200ms")
    Duration sequenceCheckInterval();

    /** At most this many enrollments re-planned per check after sequence changes. */
    @WithDefault("10000")
    int maxReplansPerCheck();

    TopicSettings topics();
}
