package org.seqengine.enrollment.streams;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;

/** A store wrapper of {@link StagingContext}: holds a command's writes until the whole command succeeds. */
interface StagedStore extends StateStore {

    void begin();

    /** The staged writes by key (a {@code null} value is a delete), for the size check before {@link #apply}. */
    Map<?, ?> writes();

    void apply();

    void discard();
}
