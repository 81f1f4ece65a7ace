package org.seqengine.exclusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReassignTargetsTest {

    @Test
    void leastLoadedUsableMailboxTiesByIdAndEachAssignmentCounts() {
        List<ReassignTargets.Candidate> candidates = List.of(
                new ReassignTargets.Candidate("m-b", false, false), new ReassignTargets.Candidate("m-a", false, false),
                new ReassignTargets.Candidate("m-paused", true, false), new ReassignTargets.Candidate("m-lost", false, true),
                new ReassignTargets.Candidate("m-changed", false, false));
        assertThat(ReassignTargets.assign(candidates, "m-changed", Map.of("m-b", 1L), 4))
                .containsExactly("m-a", "m-a", "m-b", "m-a");
    }

    @Test
    void noUsableMailboxMeansNoTarget() {
        assertThat(ReassignTargets.assign(List.of(new ReassignTargets.Candidate("m1", true, false)), "m0", Map.of(), 2))
                .containsExactly(null, null);
    }
}
