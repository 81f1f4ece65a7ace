package org.seqengine.enrollment.streams;

import java.time.Duration;

/**
 * The settings the topology is built with (from {@code enrollment.*} configuration).
 *
 * @param commandOutcomeRetention    how long a command id's first outcome is remembered (a window store:
 *                                   expired segments are dropped, its changelog is compact,delete)
 * @param unenrollJobRetention       how long a finished bulk job stays readable
 * @param unenrollJobPublishInterval how often a running job's progress is published
 */
public record TopologySettings(Duration commandOutcomeRetention, Duration unenrollJobRetention,
                               Duration unenrollJobPublishInterval) {

    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofDays(7), Duration.ofDays(7), Duration.ofSeconds(1));
    }
}
