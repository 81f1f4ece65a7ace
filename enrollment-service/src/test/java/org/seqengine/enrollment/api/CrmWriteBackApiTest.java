package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.api.SettingsApiTest.ORG_C_CRMS;
import static org.seqengine.enrollment.api.SettingsApiTest.ORG_C_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.Ids;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CrmWriteBackRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.OptedOutEvent;

/** Opt-outs made here reach {@code crm.write-back.v1} once per READ_WRITE CRM, through the real broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class CrmWriteBackApiTest {

    @BeforeEach
    void salesforceIsReadWriteAndHubspotReadOnly() {
        TestData.awaitReady();
        as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS)).put("/settings").then().statusCode(200);
    }

    private static void optOut(String person, String source, String idempotencyKey) {
        as(ORG_C_KEY).header("Idempotency-Key", idempotencyKey).body(Map.of("source", source))
                .post("/people/" + person + "/opt-out").then().statusCode(200);
    }

    /** Every write-back of the person committed so far (the opt-outs above were answered: committed). */
    private static List<CrmWriteBackRecord> writeBacks(String person) {
        String key = Keys.of("org-c", person);
        return TopicClient.readToEnd(Topics.CRM_WRITE_BACK).stream()
                .filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    @Test
    void anAdminOptOutIsWrittenBackOnceToTheReadWriteCrmOnly() {
        String person = TestData.person(ORG_C_KEY);
        String key = "opt-out-" + TestData.id();

        optOut(person, "ADMIN", key);
        optOut(person, "ADMIN", key);               // the same command again
        optOut(person, "LINK", "again-" + key);     // a second opt-out of an opted-out person

        List<CrmWriteBackRecord> written = writeBacks(person);
        assertThat(written).singleElement().satisfies(w -> {
            assertThat(w.getCrm()).isEqualTo("salesforce");
            assertThat(w.getField()).isEqualTo("email_opt_out");
            assertThat(w.getValue()).isEqualTo("true");
            assertThat(w.getSource()).isEqualTo("ADMIN");
            assertThat(w.getOrgId()).isEqualTo("org-c");
            assertThat(w.getPersonId()).isEqualTo(person);
            assertThat(w.getWriteBackId()).isEqualTo(Ids.writeBackId(w.getCommandId(), "salesforce"));
        });
        // the write-back names the command of the OptedOut event it came with
        EventEnvelope optedOut = TopicClient.awaitRecord(Topics.EVENTS, e -> person.equals(e.getPersonId())
                && e.getPayload() instanceof OptedOutEvent);
        assertThat(written.get(0).getCommandId()).isEqualTo(optedOut.getCommandId());
    }

    @Test
    void anOptOutFromTheCrmIsNotWrittenBack() {
        String person = TestData.person(ORG_C_KEY);
        optOut(person, "CRM", "crm-" + TestData.id());
        assertThat(writeBacks(person)).isEmpty();
    }
}
