package org.seqengine.exclusion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.exclusion.it.Calls.PATIENCE;
import static org.seqengine.exclusion.it.Calls.awaitDisplayStatus;
import static org.seqengine.exclusion.it.Calls.awaitEvaluatorCaughtUp;
import static org.seqengine.exclusion.it.Calls.cluster;
import static org.seqengine.exclusion.it.Calls.committed;
import static org.seqengine.exclusion.it.Calls.completeFirstStep;
import static org.seqengine.exclusion.it.Calls.crmChanges;
import static org.seqengine.exclusion.it.Calls.enroll;
import static org.seqengine.exclusion.it.Calls.mailbox;
import static org.seqengine.exclusion.it.Calls.mailboxBody;
import static org.seqengine.exclusion.it.Calls.marker;
import static org.seqengine.exclusion.it.Calls.person;
import static org.seqengine.exclusion.it.Calls.personChange;
import static org.seqengine.exclusion.it.Calls.putRule;
import static org.seqengine.exclusion.it.Calls.sequence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CrmWriteBackRecord;

/**
 * exclusion-evaluator and enrollment-service together, after the exclusion: a CSV exclusion list
 * unenrolls a company's people; restore resumes an enrollment at the step where it stopped; a
 * mailbox owner change unenrolls a started enrollment and reassigns a queued one; an opt-out is
 * written back once per READ_WRITE CRM. "Started" = a CompleteStep command on
 * enrollment.commands.v1, as the (future) step scheduler will send it.
 */
class ListsRestoreOwnershipWriteBackIT {

    @BeforeAll
    static void services() {
        CrossServiceCluster.get();
    }

    @Test
    void aCsvExclusionListUnenrollsEveryPersonAtAListedCompany() {
        String m = marker();
        String sender = mailbox(m);
        String sequence = sequence(m);
        String listed = m + "-listed.example";
        String other = m + "-other.example";
        String first = enroll(sequence, person(listed), sender);
        String second = enroll(sequence, person(listed), sender);
        String elsewhere = enroll(sequence, person(other), sender);
        String list = "competitors-" + m;

        cluster().enrollment().contentType("text/csv")
                .body("company_name,domain\nCompetitor Inc,https://WWW." + listed.toUpperCase() + "/about\n")
                .put("/exclusion-lists/" + list).then().statusCode(200).body("count", equalTo(1));

        for (String enrollment : List.of(first, second)) {
            awaitDisplayStatus(enrollment, "EXCLUDED");
            cluster().enrollment().get("/enrollments/" + enrollment).then()
                    .body("finish_reason", equalTo("EXCLUDED"))
                    .body("excluded_by.rule_id", equalTo(List.of(list)))
                    .body("excluded_by[0].level", equalTo("COMPANY"))
                    .body("excluded_by[0].evidence[0].field", equalTo("company.domain"));
        }
        // the list's rule is COMPANY-level on the listed domain only: the person elsewhere goes on
        awaitEvaluatorCaughtUp(Topics.EXCLUSION_LIST_ENTRIES.name());
        cluster().enrollment().get("/enrollments/" + elsewhere).then()
                .body("status", equalTo("IN_PROGRESS")).body("is_excluded", equalTo(false));
    }

    @Test
    void restoreResumesAnExcludedEnrollmentAtTheStepWhereItStopped() throws Exception {
        String m = marker();
        String sender = mailbox(m);
        String sequence = sequence(m);
        String person = person(m + "-restore.example");
        String rule = "customers-" + m;
        putRule(rule, "PERSON", true, Map.of("field", "person.stage_" + m, "op", "equals", "value", "customer"));
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        String enrollment = enroll(sequence, person, sender);
        completeFirstStep(person, enrollment);

        crmChanges(0, personChange(person, "stage_" + m, "customer"));
        awaitDisplayStatus(enrollment, "EXCLUDED");
        cluster().enrollment().get("/enrollments/" + enrollment).then()
                .body("next_step_index", equalTo(1)).body("excluded_by.rule_id", equalTo(List.of(rule)));

        // the CRM corrects the record: the person no longer matches (enrollment-service sees it), then restore
        crmChanges(1, personChange(person, "stage_" + m, "prospect"));
        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/people/" + person + "/exclusions")
                .then().statusCode(200).body("matches", equalTo(List.of())));
        String job = cluster().enrollment().body(Map.of("since", since.toString()))
                .post("/exclusion-rules/" + rule + "/restore").then().statusCode(202).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/restore-jobs/" + job)
                .then().statusCode(200).body("state", equalTo("COMPLETED")));
        cluster().enrollment().get("/restore-jobs/" + job).then().body("restored", equalTo(1)).body("skipped", equalTo(0));

        cluster().enrollment().get("/enrollments/" + enrollment).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("display_status", equalTo("STARTED"))
                .body("is_excluded", equalTo(false))
                .body("steps_completed", equalTo(1))
                .body("next_step_index", equalTo(1))
                .body("finish_reason", equalTo(null));
    }

    @Test
    void aMailboxOwnerChangeUnenrollsTheStartedEnrollmentAndReassignsTheQueuedOne() throws Exception {
        String m = marker();
        String changedMailbox = UUID.randomUUID().toString();
        String newOwnersMailbox = UUID.randomUUID().toString();
        String sender = mailbox(m, "alice-" + m, changedMailbox);
        mailbox(m, "bob-" + m, newOwnersMailbox);
        String sequence = sequence(m);
        String startedPerson = person(m + "-own.example");
        String queuedPerson = person(m + "-own.example");
        String started = enroll(sequence, startedPerson, sender);
        String queued = enroll(sequence, queuedPerson, sender);
        completeFirstStep(startedPerson, started);
        // the evaluator knows both mailboxes' owners and both enrollments on the mailbox before the change
        awaitEvaluatorCaughtUp(Topics.MAILBOXES.name(), "exclusion-evaluator-mailboxes-by-owner-repartition",
                Topics.ENROLLMENTS.name(), "exclusion-evaluator-enrollments-by-mailbox-repartition");

        cluster().enrollment().body(mailboxBody(sender, "bob-" + m)).put("/mailboxes/" + changedMailbox)
                .then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/enrollments/" + started).then()
                .body("finish_reason", equalTo("MAILBOX_OWNERSHIP_CHANGED")).body("status", equalTo("FINISHED")));
        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/enrollments/" + queued).then()
                .body("mailbox.id", equalTo(newOwnersMailbox)));
        cluster().enrollment().get("/enrollments/" + queued).then()
                .body("status", equalTo("IN_PROGRESS")).body("display_status", equalTo("QUEUED"));
    }

    @Test
    void eachOptOutIsWrittenBackOncePerReadWriteCrm() {
        String m = marker();
        cluster().enrollment().body(Map.of("mailbox_ownership_policy", "REASSIGN_QUEUED",
                "crm_write_back", Map.of("salesforce", "READ_WRITE", "hubspot", "READ_ONLY"))).put("/settings")
                .then().statusCode(200);
        String person = person(m + "-optout.example");
        // the person is known to the CRM (a CRM change over the evaluator's API) and opts out by link, twice
        crmChanges(0, personChange(person, "stage_" + m, "customer"));
        for (int i = 0; i < 2; i++) {
            cluster().enrollment().body(Map.of("source", "LINK")).post("/people/" + person + "/opt-out")
                    .then().statusCode(200);
        }

        // each opt-out answered after its decision committed, write-backs included: all are on the topic now
        List<CrmWriteBackRecord> writeBacks = writeBacksOf(person);
        assertThat(writeBacks).hasSize(1);
        CrmWriteBackRecord writeBack = writeBacks.get(0);
        assertThat(writeBack.getCrm()).isEqualTo("salesforce");
        assertThat(writeBack.getField()).isEqualTo("email_opt_out");
        assertThat(writeBack.getValue()).isEqualTo("true");
        assertThat(writeBack.getSource()).isEqualTo("LINK");

        // cleared with the person's permission, then a new opt-out (by an admin): a second write-back
        cluster().enrollment().body(Map.of("permission_note", "Asked to hear from us again")).delete("/people/" + person + "/opt-out")
                .then().statusCode(200);
        cluster().enrollment().body(Map.of("source", "ADMIN")).post("/people/" + person + "/opt-out").then().statusCode(200);
        assertThat(writeBacksOf(person)).extracting(CrmWriteBackRecord::getCrm, CrmWriteBackRecord::getSource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("salesforce", "LINK"),
                        org.assertj.core.groups.Tuple.tuple("salesforce", "ADMIN"));
    }

    private static List<CrmWriteBackRecord> writeBacksOf(String person) {
        return committed(Topics.CRM_WRITE_BACK.name()).stream()
                .map(r -> Topics.CRM_WRITE_BACK.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(w -> w.getPersonId().equals(person)).toList();
    }
}
