package org.seqengine.exclusion.config;

import org.seqengine.service.config.TopicSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of exclusion-evaluator (prefix {@code exclusion.}); defaults live in application.properties.
 * API keys and the rate limit are the shared edge's ({@code enrollment.api-keys}, i.e. ENROLLMENT_API_KEYS).
 */
@ConfigMapping(prefix = "exclusion")
public interface ExclusionConfig {

    /** How long {@code POST /crm-changes} waits for its transaction to commit before answering 503. */
    @WithDefault("10S")
    Duration publishTimeout();

    /** How often each task compares its orgs' rules and rulesets with the last seen: a rule change takes effect within this. */
    @WithDefault("200ms")
    Duration ruleCheckInterval();

    /** How often each task fires due time-relative flips. */
    @WithDefault("200ms")
    Duration flipInterval();

    /** At most this many domains re-evaluated by one flip run (the rest wait for the next run). */
    @WithDefault("1000")
    int maxFlipsPerRun();

    TopicSettings topics();
}
