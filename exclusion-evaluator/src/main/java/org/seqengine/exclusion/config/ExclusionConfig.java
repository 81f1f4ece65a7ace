package org.seqengine.exclusion.config;

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

    Topics topics();

    interface Topics {
        /** Partitions of the topics this service creates when missing: must equal enrollment-service's. */
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
