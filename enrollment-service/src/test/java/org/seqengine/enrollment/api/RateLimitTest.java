package org.seqengine.enrollment.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** A key over its rate gets 429 with Retry-After; other keys are unaffected. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeRequestsPerHour.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    public static class ThreeRequestsPerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrollment.rate-limit.requests", "3", "enrollment.rate-limit.period", "1H");
        }
    }

    @Test
    void fourthRequestWithinThePeriodIsRateLimited() {
        for (int i = 0; i < 3; i++) {
            as(ORG_A_KEY).get("/enrollments/" + TestData.id()).then().statusCode(404);
        }
        as(ORG_A_KEY).get("/enrollments/" + TestData.id()).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("status", equalTo("rate_limited"));
        as(ORG_B_KEY).get("/enrollments/" + TestData.id()).then().statusCode(404);
    }
}
