package org.seqengine.exclusion.streams;

import java.time.Duration;

/**
 * How the topology runs its wall-clock work.
 *
 * @param ruleCheckInterval how often each task compares its orgs' rules/rulesets with the last seen
 * @param flipInterval      how often each task fires the time-relative flips that are due
 * @param maxFlipsPerRun    most due flips (domains) one run re-evaluates; the rest wait for the next run
 */
public record EvaluatorSettings(Duration ruleCheckInterval, Duration flipInterval, int maxFlipsPerRun) {

    public static EvaluatorSettings defaults() {
        return new EvaluatorSettings(Duration.ofMillis(200), Duration.ofMillis(200), 1000);
    }
}
