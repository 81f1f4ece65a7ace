package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CompleteStepCommand;
import org.seqengine.schemas.avro.TaskRecord;

/** Tasks through the real broker: lists by assignee and status (paged), and completing one completes its step. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class TaskApiTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void tasksListByAssigneeAndStatusOldestFirstPageByPage() {
        String assignee = "user-" + TestData.id().substring(0, 8);
        TaskRecord first = publish(task(assignee, "OPEN", T0));
        TaskRecord done = publish(task(assignee, "COMPLETED", T0.plusSeconds(1)));
        TaskRecord third = publish(task(assignee, "OPEN", T0.plusSeconds(2)));
        publish(task("someone-else", "OPEN", T0.plusSeconds(3)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(assignee, null, null))
                .containsExactly(first.getTaskId(), done.getTaskId(), third.getTaskId()));
        assertThat(ids(assignee, "OPEN", null)).containsExactly(first.getTaskId(), third.getTaskId());
        assertThat(ids(assignee, "COMPLETED", null)).containsExactly(done.getTaskId());
        assertThat(ids(null, "OPEN", 500)).contains(first.getTaskId(), third.getTaskId()).doesNotContain(done.getTaskId());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(ORG_A_KEY).queryParam("assignee_id", assignee).queryParam("limit", 1);
            if (cursor != null) spec.queryParam("cursor", cursor);
            var page = spec.get("/tasks").then().statusCode(200).body("data.size()", equalTo(1)).extract();
            paged.add(page.path("data[0].id"));
            cursor = page.path("next_cursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(first.getTaskId(), done.getTaskId(), third.getTaskId());

        // a task that changes moves between the lists; one deleted leaves them
        first.setStatus("CANCELED");
        publish(first);
        TopicClient.publish(Topics.TASKS, Keys.of("org-a", third.getTaskId()), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(assignee, "OPEN", null)).isEmpty());
        assertThat(ids(assignee, "CANCELED", null)).containsExactly(first.getTaskId());
        assertThat(ids(assignee, null, null)).containsExactly(first.getTaskId(), done.getTaskId());

        as(ORG_A_KEY).get("/tasks/" + done.getTaskId()).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("assignee_id", equalTo(assignee)).body("step_index", equalTo(0));
        as(ORG_B_KEY).get("/tasks/" + done.getTaskId()).then().statusCode(404);
        as(ORG_B_KEY).queryParam("assignee_id", assignee).get("/tasks").then().statusCode(200).body("data.size()", equalTo(0));
        as(ORG_A_KEY).queryParam("status", "DONE").get("/tasks").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_enum")).body("errors[0].path", equalTo(List.of("status")));
        as(ORG_A_KEY).queryParam("cursor", "nonsense").get("/tasks").then().statusCode(400)
                .body("errors[0].path", equalTo(List.of("cursor")));
    }

    @Test
    void onlyAnOpenTaskCanBeCompleted() {
        as(ORG_A_KEY).post("/tasks/" + TestData.id() + "/complete").then().statusCode(404);
        TaskRecord done = publish(task("user-" + TestData.id().substring(0, 8), "COMPLETED", T0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ORG_A_KEY).get("/tasks/" + done.getTaskId()).then().statusCode(200));
        as(ORG_A_KEY).post("/tasks/" + done.getTaskId() + "/complete").then().statusCode(409)
                .body("status", equalTo("conflict"));
        as(ORG_B_KEY).post("/tasks/" + done.getTaskId() + "/complete").then().statusCode(404);
    }

    /** The whole loop of a TASK step: dispatched by the decider, listed for its assignee, completed over REST. */
    @Test
    void completingADispatchedTaskCompletesItsStep() {
        String owner = "owner-" + TestData.id().substring(0, 8);
        String mailboxEmail = owner + "@acme.test";
        as(ORG_A_KEY).body(Map.of("email", mailboxEmail, "owner_id", owner)).put("/mailboxes/" + TestData.id())
                .then().statusCode(200);
        String sequence = TestData.id();
        as(ORG_A_KEY).body(Map.of("name", "Call first", "is_published", true, "steps", List.of(
                        Map.of("type", "TASK", "wait_days", 0, "body", "Call {{first_name}}"),
                        Map.of("type", "EMAIL", "wait_days", 1, "subject", "Hi", "body", "Hello"))))
                .put("/sequences/" + sequence).then().statusCode(200);
        String person = TestData.person(ORG_A_KEY);
        String enrollment = as(ORG_A_KEY).body(enrollBody(sequence, person, mailboxEmail)).post("/enrollments")
                .then().statusCode(201).body("task_assignee_id", equalTo(owner)).extract().path("id");

        TopicClient.send(new EnrollmentCommand.DispatchStep(new CommandMeta("dispatch:" + enrollment + ":0:1", "org-a", person,
                Instant.now(), "step-scheduler", null), enrollment, 0, 1));
        String taskId = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> open = ids(owner, "OPEN", null);
            return open.isEmpty() ? null : open.get(0);
        }, notNullValue());
        as(ORG_A_KEY).get("/tasks/" + taskId).then().body("enrollment_id", equalTo(enrollment))
                .body("body", equalTo("Call Ada")).body("person_id", equalTo(person));

        as(ORG_A_KEY).post("/tasks/" + taskId + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completed_at", notNullValue());
        EnrollmentCommand.CompleteStep complete = (EnrollmentCommand.CompleteStep) CommandMapper.toDomain(TopicClient.awaitRecord(
                Topics.COMMANDS, env -> env.getPayload() instanceof CompleteStepCommand c && c.getEnrollmentId().equals(enrollment)));
        assertThat(complete.stepIndex()).isZero();
        assertThat(complete.meta().personId()).isEqualTo(person);
        as(ORG_A_KEY).get("/enrollments/" + enrollment).then().body("display_status", equalTo("STARTED"))
                .body("current_step_index", equalTo(1)).body("started_at", notNullValue());
        assertThat(ids(owner, "OPEN", null)).isEmpty();
        as(ORG_A_KEY).post("/tasks/" + taskId + "/complete").then().statusCode(409);
    }

    private static List<String> ids(String assignee, String status, Integer limit) {
        var spec = as(ORG_A_KEY);
        if (assignee != null) spec.queryParam("assignee_id", assignee);
        if (status != null) spec.queryParam("status", status);
        if (limit != null) spec.queryParam("limit", limit);
        return spec.get("/tasks").then().statusCode(200).extract().path("data.id");
    }

    private static TaskRecord task(String assignee, String status, Instant createdAt) {
        return TaskRecord.newBuilder().setTaskId(TestData.id()).setOrgId("org-a").setPersonId(TestData.id())
                .setEnrollmentId(TestData.id()).setSequenceId(TestData.id()).setStepIndex(0).setAssigneeId(assignee)
                .setBody("Call them").setStatus(status).setCreatedAt(createdAt)
                .setCompletedAt("OPEN".equals(status) ? null : createdAt.plusSeconds(60)).build();
    }

    private static TaskRecord publish(TaskRecord task) {
        TopicClient.publish(Topics.TASKS, Keys.of("org-a", task.getTaskId()), task);
        return task;
    }
}
