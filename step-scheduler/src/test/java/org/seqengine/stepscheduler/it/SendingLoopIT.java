package org.seqengine.stepscheduler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT;
import static org.seqengine.stepscheduler.it.Sending.PATIENCE;
import static org.seqengine.stepscheduler.it.Sending.awaitDisplayStatus;
import static org.seqengine.stepscheduler.it.Sending.awaitEnrollment;
import static org.seqengine.stepscheduler.it.Sending.awaitSends;
import static org.seqengine.stepscheduler.it.Sending.cluster;
import static org.seqengine.stepscheduler.it.Sending.email;
import static org.seqengine.stepscheduler.it.Sending.enroll;
import static org.seqengine.stepscheduler.it.Sending.enrollment;
import static org.seqengine.stepscheduler.it.Sending.letter;
import static org.seqengine.stepscheduler.it.Sending.mailbox;
import static org.seqengine.stepscheduler.it.Sending.mailerSummary;
import static org.seqengine.stepscheduler.it.Sending.marker;
import static org.seqengine.stepscheduler.it.Sending.person;
import static org.seqengine.stepscheduler.it.Sending.publish;
import static org.seqengine.stepscheduler.it.Sending.putMailbox;
import static org.seqengine.stepscheduler.it.Sending.putPerson;
import static org.seqengine.stepscheduler.it.Sending.sendRequestsOf;
import static org.seqengine.stepscheduler.it.Sending.sequence;
import static org.seqengine.stepscheduler.it.Sending.task;
import static org.seqengine.stepscheduler.it.Sending.threeEmails;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionEvidenceRecord;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.SendRequestRecord;

/**
 * The sending loop through the packaged services and HTTP, as a user with curl and plus-tagged
 * addresses would try it: step-scheduler dispatches each step when due, enrollment-service makes the
 * send-time checks and writes the send request, the mailer simulator reports what the recipient's
 * plus tag says, and the enrollment moves on. A scheduler day is {@value SendingCluster#DAY_LENGTH}.
 *
 * <p>The tests wait on time, not on CPU, so they run concurrently ({@link Execution}), each with its
 * own mailbox, sequence and people. One class: Surefire misreports JUnit 5 tests of concurrent classes
 * under the wrong class (SUREFIRE-1643 / SUREFIRE-2252); other IT classes run one after the other.
 */
@Execution(CONCURRENT)
class SendingLoopIT {

    private static final Duration DAY = Duration.parse(SendingCluster.DAY_LENGTH);

    @BeforeAll
    static void services() {
        SendingCluster.get();
    }

    // ---- Queued -> Started -> Completed; reply, bounce, out-of-office (three emails 0, 1, 1 days apart) ----

    @Test
    void anEnrollmentGoesFromQueuedToStartedToCompletedAndEachEmailIsSentOnce() {
        String m = marker();
        String sender = "alex-" + m + "@sales.example";
        mailbox(sender, "owner-" + m, false);
        String sequence = sequence("Launch " + m, threeEmails());
        String email = "carol-" + m + "@prospects.example";
        String person = person(email);

        JsonPath created = enroll(sequence, person, sender);
        String id = created.getString("id");
        assertThat(created.getString("display_status")).isEqualTo("QUEUED");
        assertThat(created.getInt("steps_completed")).isZero();

        List<String> seen = new ArrayList<>(List.of("QUEUED"));
        JsonPath done = awaitEnrollment(id, e -> {
            String status = e.getString("display_status");
            if (!status.equals(seen.get(seen.size() - 1))) seen.add(status);
            assertThat(status).isEqualTo("COMPLETED");
        });
        assertThat(seen).as("display statuses seen").containsExactly("QUEUED", "STARTED", "COMPLETED");
        assertThat(done.getString("status")).isEqualTo("FINISHED");
        assertThat(done.getString("finish_reason")).isEqualTo("SEQUENCE_COMPLETED");
        assertThat(done.getInt("steps_completed")).isEqualTo(3);
        assertThat(Instant.parse(done.getString("started_at"))).isAfterOrEqualTo(Instant.parse(done.getString("created_at")));
        assertThat(done.getString("ended_at")).isNotNull();

        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(0, 1, 2);
        assertThat(requests.values()).extracting(SendRequestRecord::getRequestId).doesNotHaveDuplicates();
        for (SendRequestRecord r : requests.values()) {
            assertThat(letter(r).get("to_email")).isEqualTo(email);
            assertThat(r.getFromEmail()).isEqualTo(sender);
            assertThat(r.getAttempt()).isEqualTo(1);
            assertThat(awaitSends(r.getRequestId())).as("sends of step %d", r.getStepIndex()).isEqualTo(1);
        }
        assertThat(letter(requests.get(0)).get("subject")).isEqualTo("Hello Pat");
        // each later step went no earlier than one scheduler day after the previous one was sent
        assertThat(requests.get(1).getRequestedAt()).isAfterOrEqualTo(requests.get(0).getRequestedAt().plus(DAY));
        assertThat(requests.get(2).getRequestedAt()).isAfterOrEqualTo(requests.get(1).getRequestedAt().plus(DAY));
        assertThat(mailerSummary().getInt("sent_more_than_once_count")).isZero();
    }

    @Test
    void aPositiveReplyAfterStepTwoEndsTheEnrollmentAsReplied() {
        String m = marker();
        String sender = "sam-" + m + "@sales.example";
        mailbox(sender, "owner-" + m, false);
        String sequence = sequence("Follow-up " + m, threeEmails());
        String person = person("dan-" + m + "+reply-positive-2@prospects.example");
        String id = enroll(sequence, person, sender).getString("id");

        JsonPath replied = awaitEnrollment(id, e -> assertThat(e.getString("finish_reason")).isEqualTo("REPLIED"));
        assertThat(replied.getString("status")).isEqualTo("FINISHED");
        assertThat(replied.getBoolean("is_replied")).isTrue();
        assertThat(replied.getInt("steps_completed")).isEqualTo(2);
        assertThat(replied.getString("reply_email_message.subject")).isEqualTo("Re: Following up");
        assertThat(replied.getList("reply_email_message.classifications.category")).containsExactly("POSITIVE");
        assertThat(replied.getString("reply_email_message.received_at")).isNotNull();

        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(0, 1);
        requests.values().forEach(r -> assertThat(awaitSends(r.getRequestId())).isEqualTo(1));
    }

    @Test
    void aBounceEndsTheEnrollmentAsBounced() {
        String m = marker();
        String sender = "lee-" + m + "@sales.example";
        mailbox(sender, "owner-" + m, false);
        String sequence = sequence("Bounce " + m, threeEmails());
        String person = person("eve-" + m + "+bounce@prospects.example");
        String id = enroll(sequence, person, sender).getString("id");

        JsonPath bounced = awaitDisplayStatus(id, "BOUNCED");
        assertThat(bounced.getString("finish_reason")).isEqualTo("BOUNCED");
        assertThat(bounced.getBoolean("is_bounced")).isTrue();
        assertThat(bounced.getInt("steps_completed")).isZero();
        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(0);
        assertThat(awaitSends(requests.get(0).getRequestId())).isEqualTo(1);
    }

    @Test
    void anOutOfOfficeReplyPausesUntilTheReturnDateThenTheEnrollmentResumesByItselfAndCompletes() {
        String m = marker();
        String sender = "kim-" + m + "@sales.example";
        mailbox(sender, "owner-" + m, false);
        String sequence = sequence("Out of office " + m, threeEmails());
        String person = person("gina-" + m + "+ooo@prospects.example");
        String id = enroll(sequence, person, sender).getString("id");

        JsonPath paused = awaitDisplayStatus(id, "PAUSED");
        assertThat(paused.getString("pause_reason")).isEqualTo("OUT_OF_OFFICE");
        assertThat(paused.getBoolean("is_paused")).isTrue();
        assertThat(paused.getInt("steps_completed")).isEqualTo(1);
        Instant resumeAt = Instant.parse(paused.getString("resume_at"));
        // back in 3 days: the start of the third scheduler day after the reply's
        assertThat(resumeAt).isAfter(Instant.parse(paused.getString("reply_email_message.received_at")).plus(DAY.multipliedBy(2)));

        JsonPath done = awaitDisplayStatus(id, "COMPLETED");
        assertThat(done.getInt("steps_completed")).isEqualTo(3);
        assertThat(done.getString("pause_reason")).isNull();
        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(0, 1, 2);
        assertThat(requests.get(1).getRequestedAt()).as("the pending step goes no earlier than the resume")
                .isAfterOrEqualTo(resumeAt);
        requests.values().forEach(r -> assertThat(awaitSends(r.getRequestId())).isEqualTo(1));
    }

    // ---- blocked for a cause the user fixes, unblocked without anyone asking (the scheduler re-checks on the mailbox or person change) ----

    @Test
    void aPausedMailboxBlocksTheEnrollmentAndResumingTheMailboxUnblocksItAndItCompletes() {
        String m = marker();
        String sender = "kim-" + m + "@sales.example";
        String owner = "owner-" + m;
        String mailbox = mailbox(sender, owner, true);
        String sequence = sequence("Paused mailbox " + m, threeEmails());
        String person = person("frank-" + m + "@prospects.example");
        String id = enroll(sequence, person, sender).getString("id");

        JsonPath blocked = awaitDisplayStatus(id, "BLOCKED");
        assertThat(blocked.getString("block_reason")).isEqualTo("MAILBOX_PAUSED");
        assertThat(blocked.getBoolean("is_blocked")).isTrue();
        assertThat(blocked.getInt("steps_completed")).isZero();
        assertThat(sendRequestsOf(id)).as("nothing was sent from the paused mailbox").isEmpty();

        putMailbox(mailbox, sender, owner, false);

        JsonPath done = awaitDisplayStatus(id, "COMPLETED");
        assertThat(done.getString("block_reason")).isNull();
        assertThat(done.getInt("steps_completed")).isEqualTo(3);
        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(0, 1, 2);
        assertThat(requests.get(0).getAttempt()).as("the dispatch after the block is a later attempt").isGreaterThan(1);
        requests.values().forEach(r -> assertThat(awaitSends(r.getRequestId())).isEqualTo(1));
    }

    @Test
    void aMissingTemplateVariableBlocksTheEnrollmentAndThePersonGainingItUnblocksItAndTheStepIsSent() {
        String m = marker();
        String sender = "sam-" + m + "@sales.example";
        mailbox(sender, "owner-" + m, false);
        String sequence = sequence("Titles " + m,
                email(0, "A question for the {{attributes.title}}", "Hi {{first_name}}, as {{attributes.title}} ..."));
        String email = "hana-" + m + "@prospects.example";
        String person = person(email);
        String id = enroll(sequence, person, sender).getString("id");

        JsonPath blocked = awaitDisplayStatus(id, "BLOCKED");
        assertThat(blocked.getString("block_reason")).isEqualTo("MISSING_VARIABLES");
        assertThat(blocked.getList("blocked_variables")).containsExactly("attributes.title");
        assertThat(sendRequestsOf(id)).isEmpty();

        putPerson(person, email, Map.of("title", "CTO"));

        JsonPath done = awaitDisplayStatus(id, "COMPLETED");
        assertThat(done.getString("block_reason")).isNull();
        assertThat(done.getList("blocked_variables")).isEmpty();
        assertThat(done.getInt("steps_completed")).isEqualTo(1);
        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(0);
        assertThat(requests.get(0).getAttempt()).as("the dispatch after the block is a later attempt").isGreaterThan(1);
        assertThat(letter(requests.get(0)).get("subject")).isEqualTo("A question for the CTO");
        assertThat(letter(requests.get(0)).get("body")).isEqualTo("Hi Pat, as CTO ...");
        assertThat(awaitSends(requests.get(0).getRequestId())).isEqualTo(1);
    }

    // ---- exclusions are checked at send time, not at queue time ----

    @Test
    void aQueuedPersonWhoNowMatchesAnExclusionIsExcludedWhenTheStepComesDue() throws Exception {
        String m = marker();
        String sender = "alex-" + m + "@sales.example";
        mailbox(sender, "owner-" + m, false);
        // the first step waits 3 scheduler days (30 s): ample time for the match to reach the decider first
        String sequence = sequence("Excluded " + m, email(3, "Hello {{first_name}}", "Hi ..."),
                email(1, "Again", "Hi again ..."));
        String person = person("ivan-" + m + "@prospects.example");
        String rule = "competitors-" + m;
        cluster().enrollment().body(Map.of("name", "Competitors", "level", "PERSON", "exclude_from_sequences", true,
                "remove_from_active_sequences", false)).put("/exclusion-rules/" + rule).then().statusCode(200);
        String id = enroll(sequence, person, sender).getString("id");

        // the exclusion-evaluator's output contract: the person's matches on exclusion-matches.v1
        Instant since = Instant.now();
        ExclusionEvidenceRecord evidence = new ExclusionEvidenceRecord("person.lifecycle_stage", "equals", "competitor",
                "competitor", "salesforce", "person", "003" + m, person);
        publish(Topics.EXCLUSION_MATCHES, SendingCluster.ORG, person, ExclusionMatchesRecord.newBuilder()
                .setOrgId(SendingCluster.ORG).setPersonId(person).setEvaluatedAt(since)
                .setMatches(List.of(new ExclusionMatchRecord(rule, "PERSON", since, List.of(evidence)))).build());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(cluster().enrollment().queryParam("sequence_id", sequence)
                .get("/people/" + person + "/exclusions").then().statusCode(200).extract()
                .<List<String>>path("matches.findAll { it.applies_to_sequence }.rule_id")).containsExactly(rule));
        JsonPath before = enrollment(id);
        assertThat(before.getString("display_status")).as("still queued when enrollment-service has the match")
                .isEqualTo("QUEUED");

        JsonPath excluded = awaitDisplayStatus(id, "EXCLUDED");
        assertThat(excluded.getString("finish_reason")).isEqualTo("EXCLUDED");
        assertThat(excluded.getBoolean("is_excluded")).isTrue();
        assertThat(excluded.getInt("steps_completed")).isZero();
        assertThat(excluded.getList("excluded_by.rule_id")).containsExactly(rule);
        assertThat(excluded.getString("excluded_by[0].evidence[0].field")).isEqualTo("person.lifecycle_stage");
        assertThat(sendRequestsOf(id)).as("the excluded person was sent nothing").isEmpty();
    }

    // ---- TASK steps ----

    @Test
    void aTaskStepOpensATaskForTheMailboxOwnerAndCompletingItMovesTheEnrollmentOn() {
        String m = marker();
        String sender = "alex-" + m + "@sales.example";
        String owner = "owner-" + m;
        mailbox(sender, owner, false);
        String sequence = sequence("Call first " + m, task(0, "Call {{first_name}} about the launch"),
                email(0, "After our call", "Hi {{first_name}}, as promised ..."));
        String person = person("jo-" + m + "@prospects.example");
        JsonPath created = enroll(sequence, person, sender);
        String id = created.getString("id");
        assertThat(created.getString("task_assignee_id")).isEqualTo(owner);

        List<Map<String, Object>> open = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> tasks = cluster().enrollment().queryParam("assignee_id", owner)
                    .get("/tasks").then().statusCode(200).extract().path("data");
            assertThat(tasks).hasSize(1);
            open.add(tasks.get(0));
        });
        Map<String, Object> task = open.get(open.size() - 1);
        assertThat(task).containsEntry("status", "OPEN").containsEntry("enrollment_id", id)
                .containsEntry("person_id", person).containsEntry("step_index", 0).containsEntry("assignee_id", owner)
                .containsEntry("body", "Call Pat about the launch");
        assertThat(enrollment(id).getString("display_status")).as("queued while its task is open").isEqualTo("QUEUED");
        assertThat(sendRequestsOf(id)).as("a task is not an email").isEmpty();

        String taskId = (String) task.get("id");
        int answer = cluster().enrollment().post("/tasks/" + taskId + "/complete").then().extract().statusCode();
        assertThat(answer).isIn(200, 202);

        JsonPath done = awaitDisplayStatus(id, "COMPLETED");
        assertThat(done.getInt("steps_completed")).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/tasks/" + taskId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")));
        assertThat(cluster().enrollment().queryParam("assignee_id", owner).queryParam("status", "OPEN").get("/tasks")
                .then().statusCode(200).extract().<List<?>>path("data")).isEmpty();
        Map<Integer, SendRequestRecord> requests = sendRequestsOf(id);
        assertThat(requests).containsOnlyKeys(1);
        assertThat(awaitSends(requests.get(1).getRequestId())).isEqualTo(1);
    }
}
