package org.seqengine.enrollment.config;

import org.seqengine.service.config.TopicSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of enrollment-service (prefix {@code enrollment.}); defaults live in application.properties.
 * API keys, rate limit and the internal token are the shared edge's ({@code org.seqengine.service.config.ApiEdgeConfig}).
 */
@ConfigMapping(prefix = "enrollment")
public interface EnrollmentConfig {

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

    /**
     * Base URL of exclusion-evaluator ({@code EXCLUSION_EVALUATOR_URL}): a person's export asks it
     * for the CRM facts it holds of the person.
     */
    @WithDefault("http://localhost:8081")
    String exclusionEvaluatorUrl();

    /**
     * How long a scheduling "day" lasts ({@code SCHEDULER_DAY_LENGTH}, ISO-8601, {@code PT10S}..{@code P1D}):
     * shared with step-scheduler, so a demo runs a sequence in minutes. The decider counts the
     * out-of-office pause (14 days, or up to a return date) in such days.
     */
    @WithDefault("P1D")
    Duration schedulerDayLength();

    /**
     * The secret of the suppression list's keyed hashes ({@code ENROLLMENT_SUPPRESSION_SECRET}, the same on
     * every instance and kept forever: a new secret forgets every suppression). The default is for
     * local runs only; the service warns at start-up when it is used.
     */
    @WithDefault(DEV_SUPPRESSION_SECRET)
    String suppressionSecret();

    String DEV_SUPPRESSION_SECRET = "dev-only-suppression-secret";

    TopicSettings topics();

    UnenrollJobs unenrollJobs();

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
}
