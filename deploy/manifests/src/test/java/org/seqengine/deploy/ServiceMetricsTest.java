package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The series each service serves, as read from its source, and the variables of settings with their default in code. */
class ServiceMetricsTest {

    @Test
    void namesEachServicesMetersAsMicrometersPrometheusRegistryDoes() {
        assertThat(ServiceMetrics.of(DeployedService.STEP_SCHEDULER)).contains(
                "scheduler_dispatches_total", "scheduler_dispatch_lateness_seconds_bucket", "scheduler_waiting",
                "scheduler_delivery_results_total", "enrollment_dead_letters_total", "kafka_stream_thread_commit_latency_avg");
        assertThat(ServiceMetrics.of(DeployedService.ENROLLMENT_SERVICE))
                .contains("enrollment_commands_total", "http_server_requests_seconds_bucket")
                .doesNotContain("scheduler_dispatches_total", "mailer_sends_total");
        assertThat(ServiceMetrics.of(DeployedService.MAILER_SIMULATOR)).contains("mailer_sends_total", "mailer_requests_distinct")
                .doesNotContain("kafka_stream_thread_commit_latency_avg", "http_server_requests_seconds_bucket");
    }

    @Test
    void readsTheVariablesOfConfigMappingSettingsWithTheirDefaultInCode() {
        assertThat(DeployedService.ENROLLMENT_SERVICE.configMappingVariables())
                .contains("ENROLLMENT_SUPPRESSION_SECRET", "ENROLLMENT_COMMAND_OUTCOME_RETENTION")
                .doesNotContain("ENROLLMENT_TOPICS", "ENROLLMENT_UNENROLL_JOBS", "ENROLLMENT_MAX_TARGETS");
        assertThat(DeployedService.ENROLLMENT_SERVICE.reads("ENROLLMENT_SUPPRESSION_SECRET")).isTrue();
        assertThat(DeployedService.STEP_SCHEDULER.reads("ENROLLMENT_SUPPRESSION_SECRET")).isFalse();
    }
}
