package org.seqengine.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the HTTP edge every service shares. The prefix stays {@code enrollment.} so every
 * service reads the same {@code ENROLLMENT_API_KEYS} (and rate limit, internal token) as
 * enrollment-service, where these settings started.
 */
@ConfigMapping(prefix = "enrollment")
public interface ApiEdgeConfig {

    /** {@code org_id:key,org_id:key}; empty means no key is valid. Never logged. */
    Optional<String> apiKeys();

    RateLimit rateLimit();

    Cluster cluster();

    interface Cluster {
        /** Shared secret for calls between instances ({@code /internal/v1}); derived from api-keys when unset. */
        Optional<String> internalToken();
    }

    interface RateLimit {
        @WithDefault("100000")
        long requests();

        @WithDefault("5M")
        Duration period();
    }
}
