package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.SequenceRecord;

/**
 * Sequences' sending settings through the real broker: the send window (validated as the scheduler
 * reads it, every bad field named), the task assignment, and versions of the steps; mailboxes' limits.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class SequenceSettingsApiTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void aScheduleAndTaskAssignmentReadBackAsStored() {
        String id = TestData.id();
        Map<String, Object> body = sequence("Outbound", step("Hi"));
        body.put("schedule", Map.of("time_zone", "America/New_York", "days", List.of("FRI", "MON", "MON"),
                "start_time", "09:00", "end_time", "24:00"));
        body.put("task_assignment", "USER:u-42");
        as(ORG_A_KEY).body(body).put("/sequences/" + id).then().statusCode(200)
                .body("schedule.days", equalTo(List.of("MON", "FRI"))).body("task_assignment", equalTo("USER:u-42"));
        as(ORG_A_KEY).get("/sequences/" + id).then().statusCode(200)
                .body("schedule.time_zone", equalTo("America/New_York")).body("schedule.start_time", equalTo("09:00"))
                .body("schedule.end_time", equalTo("24:00")).body("version", equalTo(1));

        as(ORG_A_KEY).body(sequence("Outbound", step("Hi"))).put("/sequences/" + id).then().statusCode(200)
                .body("schedule", nullValue()).body("task_assignment", equalTo("MAILBOX_OWNER"));
    }

    @Test
    void aBadScheduleIsRefusedNamingEveryBadField() {
        Map<String, Object> body = sequence("Bad window", step("Hi"));
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("time_zone", "Mars/Olympus");
        schedule.put("days", List.of("MON", "Funday"));
        schedule.put("start_time", "9am");
        body.put("schedule", schedule);
        ValidatableResponse bad = as(ORG_A_KEY).body(body).put("/sequences/" + TestData.id()).then().statusCode(400);
        bad.body("errors.size()", equalTo(4))
                .body("errors.find { it.code == 'invalid_time_zone' }.path", equalTo(List.of("schedule", "time_zone")))
                .body("errors.find { it.code == 'invalid_day' }.path", equalTo(List.of("schedule", "days", 1)))
                .body("errors.find { it.code == 'invalid_time' }.path", equalTo(List.of("schedule", "start_time")))
                .body("errors.find { it.code == 'required' }.path", equalTo(List.of("schedule", "end_time")));

        body.put("schedule", Map.of("time_zone", "UTC", "days", List.of(), "start_time", "22:00", "end_time", "02:00"));
        as(ORG_A_KEY).body(body).put("/sequences/" + TestData.id()).then().statusCode(400)
                .body("errors.code", equalTo(List.of("empty_days", "window_not_increasing")))
                .body("errors.path", equalTo(List.of(List.of("schedule", "days"), List.of("schedule", "end_time"))));
    }

    @Test
    void anUnknownTaskAssignmentIsRefused() {
        for (String bad : List.of("OWNER", "USER:", "USER:two words", "mailbox_owner")) {
            Map<String, Object> body = sequence("Tasks", step("Hi"));
            body.put("task_assignment", bad);
            as(ORG_A_KEY).body(body).put("/sequences/" + TestData.id()).then().statusCode(400)
                    .body("errors[0].code", equalTo("invalid_enum")).body("errors[0].path", equalTo(List.of("task_assignment")));
        }
        for (String good : List.of("MAILBOX_OWNER", "SENDER", "ENROLLER", "RECORD_OWNER", "USER:8c1f")) {
            Map<String, Object> body = sequence("Tasks", step("Hi"));
            body.put("task_assignment", good);
            as(ORG_A_KEY).body(body).put("/sequences/" + TestData.id()).then().statusCode(200)
                    .body("task_assignment", equalTo(good));
        }
    }

    @Test
    void changingTheStepsMakesANewVersionAndEveryVersionIsKept() {
        String id = TestData.id();
        as(ORG_A_KEY).body(sequence("V", step("One"))).put("/sequences/" + id).then().statusCode(200).body("version", equalTo(1));
        as(ORG_A_KEY).body(sequence("V renamed", step("One"))).put("/sequences/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        as(ORG_A_KEY).body(sequence("V renamed", step("One"), step("Two"))).put("/sequences/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        as(ORG_A_KEY).body(sequence("V renamed", step("One"), step("Two"))).put("/sequences/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        as(ORG_A_KEY).body(sequence("V renamed", step("Uno"), step("Two"))).put("/sequences/" + id).then().statusCode(200)
                .body("version", equalTo(3));
        as(ORG_A_KEY).get("/sequences/" + id).then().body("version", equalTo(3)).body("steps[0].subject", equalTo("Uno"));

        Map<String, SequenceRecord> versions = new HashMap<>();
        for (ConsumerRecord<String, SequenceRecord> r : TopicClient.readToEnd(Topics.SEQUENCE_VERSIONS)) {
            if (r.key().startsWith("org-a/" + id + "/")) versions.put(r.key(), r.value());
        }
        assertThat(versions).containsOnlyKeys("org-a/" + id + "/1", "org-a/" + id + "/2", "org-a/" + id + "/3");
        assertThat(versions.get("org-a/" + id + "/1").getSteps()).hasSize(1);
        assertThat(versions.get("org-a/" + id + "/1").getName()).as("the latest write at that version").isEqualTo("V renamed");
        assertThat(versions.get("org-a/" + id + "/2").getSteps()).hasSize(2);
        assertThat(versions.get("org-a/" + id + "/3").getSteps().get(0).getSubject()).isEqualTo("Uno");
        assertThat(versions.values()).extracting(SequenceRecord::getVersion).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void mailboxLimitsReadBackWithTheirDefaultsAndOutOfRangeIsRefused() {
        String mailbox = TestData.id();
        as(ORG_A_KEY).body(Map.of("email", "limits@acme.test")).put("/mailboxes/" + mailbox).then().statusCode(200)
                .body("daily_limit", equalTo(200)).body("min_seconds_between_sends", equalTo(0));
        as(ORG_A_KEY).body(Map.of("email", "limits@acme.test", "daily_limit", 50, "min_seconds_between_sends", 90))
                .put("/mailboxes/" + mailbox).then().statusCode(200);
        as(ORG_A_KEY).get("/mailboxes/" + mailbox).then().statusCode(200)
                .body("daily_limit", equalTo(50)).body("min_seconds_between_sends", equalTo(90));

        as(ORG_A_KEY).body(Map.of("email", "limits@acme.test", "daily_limit", 0, "min_seconds_between_sends", 86_401))
                .put("/mailboxes/" + mailbox).then().statusCode(400)
                .body("errors.code", equalTo(List.of("out_of_range", "out_of_range")))
                .body("errors.path", equalTo(List.of(List.of("daily_limit"), List.of("min_seconds_between_sends"))));
        as(ORG_A_KEY).body(Map.of("email", "limits@acme.test", "daily_limit", 100_001)).put("/mailboxes/" + mailbox)
                .then().statusCode(400).body("errors.path", hasItem(List.of("daily_limit")));
        as(ORG_A_KEY).get("/mailboxes/" + mailbox).then().body("daily_limit", equalTo(50));
    }

    private static Map<String, Object> sequence(String name, Map<?, ?>... steps) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("is_published", true);
        body.put("steps", List.of(steps));
        return body;
    }

    private static Map<String, Object> step(String subject) {
        return Map.of("type", "EMAIL", "wait_days", 0, "subject", subject, "body", "Hello");
    }
}
