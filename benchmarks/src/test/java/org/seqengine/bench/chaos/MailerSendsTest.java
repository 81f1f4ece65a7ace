package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The simulator's per-request send counts are read whichever of the plain JSON shapes it answers with. */
class MailerSendsTest {

    @Test
    void readsAMapOfRequestIdsToCounts() {
        assertThat(MailerSends.parse("{\"r1\":1,\"r2\":2}")).containsExactlyInAnyOrderEntriesOf(Map.of("r1", 1L, "r2", 2L));
        assertThat(MailerSends.parse("{}")).isEmpty();
    }

    @Test
    void readsTheMapUnderOneFieldIgnoringTotals() {
        assertThat(MailerSends.parse("{\"total\":3,\"sends\":{\"r1\":1,\"r2\":2}}"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("r1", 1L, "r2", 2L));
    }

    @Test
    void readsAListOfEntriesBareOrUnderOneField() {
        assertThat(MailerSends.parse("[{\"request_id\":\"r1\",\"count\":1},{\"request_id\":\"r2\",\"sends\":2}]"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("r1", 1L, "r2", 2L));
        assertThat(MailerSends.parse("{\"total\":1,\"requests\":[{\"requestId\":\"r1\",\"count\":1}]}"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("r1", 1L));
        assertThatThrownBy(() -> MailerSends.parse("[{\"request_id\":\"r1\"}]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sumsTheSnapshotsOfSeveralInstances() {
        assertThat(MailerSends.sum(Map.of("r1", 1L), Map.of("r1", 1L, "r2", 1L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("r1", 2L, "r2", 1L));
    }
}
