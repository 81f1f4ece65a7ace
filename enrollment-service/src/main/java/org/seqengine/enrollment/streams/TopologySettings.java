package org.seqengine.enrollment.streams;

import java.time.Duration;
import org.seqengine.scheduler.domain.TimeScale;

/**
 * The settings the topology is built with (from {@code enrollment.*} configuration).
 *
 * @param commandOutcomeRetention    how long a command id's first outcome is remembered (a window store:
 *                                   expired segments are dropped, its changelog is compact,delete)
 * @param unenrollJobRetention       how long a finished bulk job stays readable
 * @param unenrollJobPublishInterval how often a running job's progress is published
 * @param timeScale                  how long a scheduling day lasts ({@code SCHEDULER_DAY_LENGTH}): the
 *                                   decider counts out-of-office pauses in such days
 * @param suppressionSecret          the secret of the suppression list's keyed hashes
 */
public record TopologySettings(Duration commandOutcomeRetention, Duration unenrollJobRetention,
                               Duration unenrollJobPublishInterval, TimeScale timeScale, String suppressionSecret) {

    /** The secret of topologies built without configuration (tests). */
    public static final String TEST_SUPPRESSION_SECRET = "test-suppression-secret";

    public TopologySettings {
        timeScale = timeScale == null ? TimeScale.realTime() : timeScale;
        suppressionSecret = suppressionSecret == null ? TEST_SUPPRESSION_SECRET : suppressionSecret;
    }

    public TopologySettings(Duration commandOutcomeRetention, Duration unenrollJobRetention,
                            Duration unenrollJobPublishInterval, TimeScale timeScale) {
        this(commandOutcomeRetention, unenrollJobRetention, unenrollJobPublishInterval, timeScale, null);
    }

    /** Real-time days. */
    public TopologySettings(Duration commandOutcomeRetention, Duration unenrollJobRetention,
                            Duration unenrollJobPublishInterval) {
        this(commandOutcomeRetention, unenrollJobRetention, unenrollJobPublishInterval, TimeScale.realTime());
    }

    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofDays(7), Duration.ofDays(7), Duration.ofSeconds(1));
    }

    /** These settings with another day length. */
    public TopologySettings withTimeScale(TimeScale scale) {
        return new TopologySettings(commandOutcomeRetention, unenrollJobRetention, unenrollJobPublishInterval, scale,
                suppressionSecret);
    }
}
