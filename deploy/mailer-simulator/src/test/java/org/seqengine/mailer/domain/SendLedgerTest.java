package org.seqengine.mailer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seqengine.mailer.domain.SendLedger.RequestCount;

class SendLedgerTest {

    @Test
    void countsSendsAndDuplicatesPerRequest() {
        SendLedger ledger = new SendLedger();
        assertThat(ledger.hasSent("a")).isFalse();
        assertThat(ledger.countOf("a")).isEqualTo(new RequestCount("a", 0, 0));

        ledger.recordSent("a");
        ledger.recordDuplicate("a");
        ledger.recordSent("b");

        assertThat(ledger.hasSent("a")).isTrue();
        assertThat(ledger.countOf("a")).isEqualTo(new RequestCount("a", 1, 2));
        assertThat(ledger.totalSends()).isEqualTo(2);
        assertThat(ledger.distinctRequests()).isEqualTo(2);
        assertThat(ledger.duplicatesReceived()).isEqualTo(1);
        assertThat(ledger.sentMoreThanOnceCount()).isZero();
        assertThat(ledger.sentMoreThanOnce(10)).isEmpty();
    }

    @Test
    void listsRequestsSentMoreThanOnce() {
        SendLedger ledger = new SendLedger();
        ledger.recordSent("b");
        ledger.recordSent("b");
        ledger.recordSent("a");
        ledger.recordSent("a");
        ledger.recordSent("c");

        assertThat(ledger.sentMoreThanOnceCount()).isEqualTo(2);
        assertThat(ledger.sentMoreThanOnce(10)).containsExactly(new RequestCount("a", 2, 2), new RequestCount("b", 2, 2));
        assertThat(ledger.sentMoreThanOnce(1)).containsExactly(new RequestCount("a", 2, 2));
        assertThat(ledger.distinctRequests()).isEqualTo(3);
        assertThat(ledger.totalSends()).isEqualTo(5);
    }
}
