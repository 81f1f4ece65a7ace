package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seqengine.bench.chaos.SendAudit.Request;

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
}
