package org.seqengine.enrollment.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** A command whose outcome does not arrive in time answers 503 instead of hanging. */
@QuarkusTest
@TestProfile(CommandTimeoutTest.OneMillisecond.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class CommandTimeoutTest {

    public static class OneMillisecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrollment.command-timeout", "1ms");
        }
    }

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void commandWithoutTimelyOutcomeIsServiceUnavailable() {
        as(ORG_A_KEY).body(enrollBody(TestData.id(), TestData.id(), "a@b.test")).post("/enrollments")
                .then().statusCode(503)
                .body("status", equalTo("unavailable"))
                .body("message", containsString("Idempotency-Key"));
    }
}
