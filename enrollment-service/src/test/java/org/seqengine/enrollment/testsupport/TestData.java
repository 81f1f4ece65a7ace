package org.seqengine.enrollment.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reference data set up through the public API, as an upstream service would. */
public final class TestData {

    public static final String ORG_A_KEY = "key-a-123";
    public static final String ORG_B_KEY = "key-b-456";

    private TestData() {}

    public static RequestSpecification as(String apiKey) {
        return given().header("x-api-key", apiKey).contentType(ContentType.JSON).basePath("/sequences/v1");
    }

    /** The service answers once Kafka Streams is RUNNING (after a start or a profile restart). */
    public static void awaitReady() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static String mailbox(String apiKey, String email) {
        String id = id();
        as(apiKey).body(Map.of("email", email, "display_name", "Sender " + email, "owner_id", "user-1",
                "is_paused", false, "is_unauthorized", false)).put("/mailboxes/" + id).then().statusCode(200);
        return id;
    }

    public static String sequence(String apiKey, String rulesetId, int steps) {
        String id = id();
        List<Map<String, Object>> stepBodies = new java.util.ArrayList<>();
        for (int i = 0; i < steps; i++) {
            stepBodies.add(Map.of("type", "EMAIL", "wait_days", i == 0 ? 0 : 2, "subject", "Step " + (i + 1), "body", "Hello"));
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Sequence " + id.substring(0, 8),
                "is_published", true, "is_paused", false, "steps", stepBodies));
        if (rulesetId != null) body.put("ruleset_id", rulesetId);
        as(apiKey).body(body).put("/sequences/" + id).then().statusCode(200);
        return id;
    }

    public static String person(String apiKey, Map<String, Object> overrides) {
        String id = id();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", "p-" + id.substring(0, 8) + "@example.com",
                "first_name", "Ada", "last_name", "Lovelace", "linkedin_url", "https://linkedin.com/in/ada",
                "company_domain", "example.com", "do_not_email", false, "email_opt_out", false));
        body.putAll(overrides);
        as(apiKey).body(body).put("/people/" + id).then().statusCode(200);
        return id;
    }

    public static String person(String apiKey) {
        return person(apiKey, Map.of());
    }

    public static Map<String, Object> enrollBody(String sequenceId, String personId, String... mailboxEmails) {
        return Map.of("sequence_id", sequenceId, "person_id", personId, "mailbox_emails", List.of(mailboxEmails));
    }
}
