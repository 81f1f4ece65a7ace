package org.seqengine.registry;

import static org.awaitility.Awaitility.await;
import static org.seqengine.deploy.PackagedService.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a user does first with a running enrollment-service: a mailbox, a sequence, a person, an
 * enrollment read back. Writes reference data, commands, events and enrollment state, so every kind of
 * topic the service writes gets a record, and the read-back proves it reads what it wrote.
 */
final class EnrollmentFlow {

    private EnrollmentFlow() {
    }

    /** Runs the flow against the service on {@code port}; the enrollment's id. */
    static String run(int port) {
        String sender = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        api(port).body(Map.of("email", sender, "display_name", "Sam", "owner_id", "u1", "is_paused", false,
                "is_unauthorized", false)).put("/mailboxes/" + UUID.randomUUID()).then().statusCode(200);
        String sequence = UUID.randomUUID().toString();
        api(port).body(Map.of("name", "Welcome", "is_published", true, "is_paused", false,
                "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "subject", "Hi", "body", "Hello"))))
                .put("/sequences/" + sequence).then().statusCode(200);
        String person = UUID.randomUUID().toString();
        api(port).body(Map.of("email", "ada-" + person.substring(0, 8) + "@example.com", "first_name", "Ada",
                "company_domain", "example.com", "do_not_email", false, "email_opt_out", false))
                .put("/people/" + person).then().statusCode(200);
        String enrollment = api(port).body(Map.of("sequence_id", sequence, "person_id", person, "mailbox_emails", List.of(sender)))
                .post("/enrollments").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api(port).get("/enrollments/" + enrollment).then().statusCode(200));
        return enrollment;
    }
}
