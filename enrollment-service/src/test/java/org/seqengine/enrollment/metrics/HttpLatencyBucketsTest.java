package org.seqengine.enrollment.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** /q/metrics serves the HTTP timer with its fixed buckets, so Grafana can show command latency percentiles. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class HttpLatencyBucketsTest {

    @Test
    void aCommandIsCountedInTheLatencyBucketsOfItsRoute() {
        TestData.awaitReady();
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).body(Map.of("source", "ADMIN")).post("/people/" + person + "/opt-out").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> buckets = metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{"))
                .filter(line -> line.contains("uri=\"/sequences/v1/people/{id}/opt-out\"") && line.contains("method=\"POST\""))
                .toList();
        assertThat(buckets).as("one series per bucket and +Inf").hasSize(HttpLatencyBuckets.BUCKETS_MS.length + 1);
        assertThat(buckets).anyMatch(line -> line.contains("le=\"0.005\"")).anyMatch(line -> line.contains("le=\"10.0\""))
                .anyMatch(line -> line.contains("le=\"+Inf\""));
        Pattern countedOnce = Pattern.compile(".*le=\"\\+Inf\".*\\} [1-9][0-9]*\\.0$");
        assertThat(buckets).anyMatch(line -> countedOnce.matcher(line).matches());
    }
}
