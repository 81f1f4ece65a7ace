package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.seqengine.bench.Fixture;
import org.seqengine.bench.KafkaIo;
import org.seqengine.bench.chaos.SendAudit.Request;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.SendRequestRecord;

/** The send audit finds every way a step can be lost or doubled (so a clean verdict means something). */
class SendAuditTest {

    private static final Set<String> EXPECTED = Set.of("e1#0", "e1#1", "e2#0", "e2#1");

    @Test
    void everyStepRequestedOnceAndSentOnceIsExactlyOnce() {
        List<Request> requests = List.of(new Request("r10", "e1", 0), new Request("r11", "e1", 1),
                new Request("r20", "e2", 0), new Request("r21", "e2", 1));
        SendAudit.Report report = SendAudit.audit(EXPECTED, requests, Map.of("r10", 1L, "r11", 1L, "r20", 1L, "r21", 1L));

        assertThat(report.exactlyOnce()).as(report.summary()).isTrue();
        assertThat(report.sentOnce()).isEqualTo(4);
        assertThat(report.sends()).isEqualTo(4);
        assertThat(report.summary()).startsWith("EVERY-STEP-SENT-EXACTLY-ONCE");
    }

    @Test
    void findsMissingDoubledAndUnknownRequestsAndSends() {
        List<Request> requests = List.of(
                new Request("r10", "e1", 0),
                new Request("r10", "e1", 0),  // the same step asked twice (a re-dispatch that was not deduplicated)
                new Request("r11", "e1", 1),
                new Request("r20", "e2", 0),
                new Request("r90", "e9", 0)); // nobody enrolled e9
        // e2#1 has no request; r11 never sent; r20 sent twice; rX is no request at all
        SendAudit.Report report = SendAudit.audit(EXPECTED, requests, Map.of("r10", 1L, "r20", 2L, "rX", 1L, "r90", 1L));

        assertThat(report.exactlyOnce()).isFalse();
        assertThat(report.requestRecords()).isEqualTo(5);
        assertThat(report.missingRequests()).isEqualTo(1);
        assertThat(report.stepsRequestedTwice()).isEqualTo(1);
        assertThat(report.unexpectedRequests()).isEqualTo(1);
        assertThat(report.sentOnce()).isEqualTo(1);
        assertThat(report.neverSent()).isEqualTo(2);
        assertThat(report.sentMoreThanOnce()).isEqualTo(1);
        assertThat(report.sendsOfUnknownRequests()).isEqualTo(1);
        assertThat(report.summary()).startsWith("NOT-EVERY-STEP-SENT-EXACTLY-ONCE")
                .contains("no send request: e2#1").contains("2 send requests: e1#0").contains("sent 2 times: e2#0")
                .contains("never sent: e1#1").contains("no such request on the topic: rX");
    }

    @Test
    void readsTheRequestsAndCountsSentBouncedAndFailedResultsAsSends() {
        try (TestBroker broker = TestBroker.start()) {
            KafkaIo.createTopics(broker.bootstrapServers(), 1);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(broker.bootstrapServers())) {
                Fixture.send(producer, Topics.SEND_REQUESTS, "p1", request("r10", "e1", 0));
                Fixture.send(producer, Topics.SEND_REQUESTS, "p1", request("r11", "e1", 1));
                Fixture.send(producer, Topics.DELIVERY_RESULTS, "p1", result("r10", "e1", 0, "SENT"));
                Fixture.send(producer, Topics.DELIVERY_RESULTS, "p1", result("r10", "e1", 0, "REPLIED")); // no send
                Fixture.send(producer, Topics.DELIVERY_RESULTS, "p1", result("r11", "e1", 1, "BOUNCED"));
                Fixture.send(producer, Topics.DELIVERY_RESULTS, "p1", result("r11", "e1", 1, "FAILED"));  // a second attempt
            }

            List<Request> requests = SendAudit.readRequests(broker.bootstrapServers());
            Map<String, Long> sends = SendAudit.readSends(broker.bootstrapServers());

            assertThat(requests).containsExactly(new Request("r10", "e1", 0), new Request("r11", "e1", 1));
            assertThat(sends).containsExactlyInAnyOrderEntriesOf(Map.of("r10", 1L, "r11", 2L));
            SendAudit.Report report = SendAudit.audit(Set.of("e1#0", "e1#1"), requests, sends);
            assertThat(report.sentOnce()).isEqualTo(1);
            assertThat(report.sentMoreThanOnce()).isEqualTo(1);
        }
    }

    private static SendRequestRecord request(String id, String enrollment, int step) {
        return SendRequestRecord.newBuilder().setRequestId(id).setOrgId(Fixture.ORG).setPersonId("p1").setEnrollmentId(enrollment)
                .setSequenceId("s").setSequenceVersion(1).setStepIndex(step).setAttempt(1).setMailboxId("m")
                .setFromEmail("a@x.example").setToEmail("b@y.example").setSubject("Hi").setBody("Hello")
                .setRequestedAt(Instant.now()).build();
    }

    private static DeliveryResultRecord result(String requestId, String enrollment, int step, String outcome) {
        return DeliveryResultRecord.newBuilder().setResultId(requestId + "/" + outcome).setRequestId(requestId)
                .setOrgId(Fixture.ORG).setPersonId("p1").setEnrollmentId(enrollment).setStepIndex(step).setOutcome(outcome)
                .setOccurredAt(Instant.now()).build();
    }
}
