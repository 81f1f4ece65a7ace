package org.seqengine.exclusion.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

/** The cluster's answer counts each domain-stage partition exactly once, or is refused (503). */
class WhatIfCoverageTest {

    private static final WhatIfResult A = new WhatIfResult(2, 1, 1, Map.of("s1", 1L), List.of("p2", "p1"));
    private static final WhatIfResult B = new WhatIfResult(1, 0, 2, Map.of("s1", 1L, "s2", 1L), List.of("p0"));

    @Test
    void sharesCoveringEveryPartitionOnceMerge() {
        WhatIfResult merged = WhatIfCluster.merge(Set.of(0, 1, 2),
                List.of(new LocalWhatIf(A, Set.of(0, 2)), new LocalWhatIf(B, Set.of(1))));
        assertThat(merged.newlyMatchingPeople()).isEqualTo(3);
        assertThat(merged.noLongerMatchingPeople()).isEqualTo(1);
        assertThat(merged.activeEnrollmentsRemoved()).isEqualTo(3);
        assertThat(merged.removedBySequence()).containsExactlyInAnyOrderEntriesOf(Map.of("s1", 2L, "s2", 1L));
        assertThat(merged.samplePersonIds()).containsExactly("p0", "p1", "p2");
    }

    @Test
    void aPartitionCountedTwiceOrByNobodyIsARebalance() {
        assertThatThrownBy(() -> WhatIfCluster.merge(Set.of(0, 1),
                List.of(new LocalWhatIf(A, Set.of(0, 1)), new LocalWhatIf(B, Set.of(1)))))
                .isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(() -> WhatIfCluster.merge(Set.of(0, 1, 2),
                List.of(new LocalWhatIf(A, Set.of(0)), new LocalWhatIf(B, Set.of(1)))))
                .isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(() -> WhatIfCluster.merge(Set.of(), List.of()))
                .isInstanceOf(InvalidStateStoreException.class);
    }
}
