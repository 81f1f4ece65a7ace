package org.seqengine.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of enrollment-service (prefix {@code enrollment.}); defaults live in application.properties. */
@ConfigMapping(prefix = "enrollment")
public interface EnrollmentConfig {

    /** {@code org_id:key,org_id:key}; empty means no key is valid. Never logged. */
    Optional<String> apiKeys();

    RateLimit rateLimit();

    /** How long an HTTP command waits for its outcome before answering 503. */
    @WithDefault("10S")
    Duration commandTimeout();

    /**
     * How long the first outcome of each command id is remembered: a retry with the same id (or
     * Idempotency-Key) within it is answered with that outcome and changes nothing. After it, an
     * Enroll still answers the enrollment it created; other commands are decided again.
     */
    @WithDefault("P7D")
    Duration commandOutcomeRetention();

    Topics topics();

    Cluster cluster();

    UnenrollJobs unenrollJobs();

    interface Cluster {
        /** Shared secret for calls between instances ({@code /internal/v1}); derived from api-keys when unset. */
        Optional<String> internalToken();
    }

    interface UnenrollJobs {
        /** Most targets one job may have. */
        @WithDefault("200000")
        int maxTargets();

        /** How long a finished job stays readable. */
        @WithDefault("7D")
        Duration retention();

        /** How often finished jobs are checked for expiry and progress is published. */
        @WithDefault("1S")
        Duration publishInterval();
    }

    interface RateLimit {
        @WithDefault("100000")
        long requests();

        @WithDefault("5M")
        Duration period();
    }

    interface Topics {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
