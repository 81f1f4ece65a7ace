package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulator's counts are read as its README documents them. */
class MailerSendsTest {

    @Test
    void readsTheSummary() {
        MailerSends.Summary s = MailerSends.summary("{\"total_sends\":12,\"distinct_requests\":12,\"duplicates_received\":1,"
                + "\"sent_more_than_once_count\":0,\"sent_more_than_once\":[]}");
        assertThat(s).isEqualTo(new MailerSends.Summary(12, 12, 1, 0));
    }

    @Test
    void readsOneRequestsSends() {
        assertThat(MailerSends.sendsOfRequest("{\"request_id\":\"r1\",\"sends\":1,\"received\":2}")).isEqualTo(1);
        assertThat(MailerSends.sendsOfRequest("{\"request_id\":\"r2\",\"sends\":0,\"received\":0}")).isZero();
    }

    @Test
    void refusesAnAnswerWithoutTheCounts() {
        assertThatThrownBy(() -> MailerSends.sendsOfRequest("{\"request_id\":\"r1\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailerSends.summary("[]")).isInstanceOf(IllegalArgumentException.class);
    }
}
