package org.seqengine.enrollment.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** /q/metrics serves the HTTP timer with its fixed buckets, so Grafana can show command latency percentiles. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class HttpLatencyBucketsTest {

    private static final String OPT_OUT_200 = "method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/sequences/v1/people/{id}/opt-out\"";

    @Test
    void aCommandIsCountedInTheLatencyBucketsOfItsRoute() {
        TestData.awaitReady();
        String person = TestData.person(ORG_A_KEY);
        double before = countUpToInfinity(bucketsOfSuccessfulOptOuts());

        as(ORG_A_KEY).body(Map.of("source", "ADMIN")).post("/people/" + person + "/opt-out").then().statusCode(200);

        List<String> buckets = bucketsOfSuccessfulOptOuts();
        assertThat(buckets).as("one series per bucket, and +Inf").hasSize(HttpLatencyBuckets.BUCKETS_MS.length + 1);
        assertThat(buckets).anyMatch(line -> line.contains("le=\"0.005\"")).anyMatch(line -> line.contains("le=\"10.0\""));
        // other test classes share this application: at least this request was counted
        assertThat(countUpToInfinity(buckets)).isGreaterThanOrEqualTo(before + 1);
    }

    /** The bucket lines of successful opt-outs (none before the first one). */
    private static List<String> bucketsOfSuccessfulOptOuts() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{" + OPT_OUT_200 + ","))
                .toList();
    }

    private static double countUpToInfinity(List<String> buckets) {
        return buckets.stream().filter(line -> line.contains("le=\"+Inf\"")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
