package org.seqengine.exclusion.api.dto;

import java.util.List;
import org.seqengine.exclusion.query.WhatIfResult;

/** What applying the proposed rule would change, over the whole organization (every instance's share). */
public record WhatIfAnswer(long newlyMatchingPeople, long noLongerMatchingPeople, long activeEnrollmentsRemoved,
                           List<WhatIfResult.SequenceRemovals> bySequence, List<String> samplePersonIds) {

    public static WhatIfAnswer of(WhatIfResult r) {
        return new WhatIfAnswer(r.newlyMatchingPeople(), r.noLongerMatchingPeople(), r.activeEnrollmentsRemoved(),
                r.bySequence(), r.samplePersonIds());
    }
}
