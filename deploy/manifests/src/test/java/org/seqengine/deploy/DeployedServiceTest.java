package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reader the descriptor tests rely on reads the services' real configuration. */
class DeployedServiceTest {

    @Test
    void readsEachServicesPortAndVariables() {
        assertThat(DeployedService.ENROLLMENT_SERVICE.httpPort()).isEqualTo(8080);
        assertThat(DeployedService.EXCLUSION_EVALUATOR.httpPort()).isEqualTo(8081);
        assertThat(DeployedService.STEP_SCHEDULER.httpPort()).isEqualTo(8082);
        assertThat(DeployedService.MAILER_SIMULATOR.httpPort()).isEqualTo(8083);
        for (DeployedService service : DeployedService.values()) {
            assertThat(service.reads("KAFKA_BOOTSTRAP_SERVERS")).as(service.serviceName()).isTrue();
            assertThat(service.reads("ENROLLMENT_API_KEYS")).as(service.serviceName()).isTrue();
            assertThat(service.reads("ENROLMENT_API_KEYS")).as("a misspelled variable").isFalse();
        }
        assertThat(DeployedService.ENROLLMENT_SERVICE.reads("ENROLLMENT_ADVERTISED_HOST")).isTrue();
        assertThat(DeployedService.MAILER_SIMULATOR.reads("ENROLLMENT_ADVERTISED_HOST")).isFalse();
    }
}
