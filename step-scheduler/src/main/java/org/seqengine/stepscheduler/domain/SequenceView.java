package org.seqengine.stepscheduler.domain;

import java.util.List;
import java.util.Optional;
import org.seqengine.scheduler.domain.SequenceTiming;

/**
 * A sequence as one enrollment sees it: the steps of the version it follows, the sequence's current
 * send window (settings apply at once, whatever the version) and whether the whole sequence is paused.
 */
public record SequenceView(List<SequenceStep> steps, SequenceTiming timing, boolean paused) {

    public SequenceView {
        steps = List.copyOf(steps);
    }

    public Optional<SequenceStep> step(int index) {
        return index >= 0 && index < steps.size() ? Optional.of(steps.get(index)) : Optional.empty();
    }
}
