package org.seqengine.enrollment.domain;

import java.util.Optional;
import org.seqengine.enrollment.domain.reference.Sequence;

/** The steps an enrollment follows: those of the sequence version it is on. */
final class SequenceSteps {

    private SequenceSteps() {}

    /**
     * The enrollment's version of its sequence; the current sequence when that version was never
     * recorded (data older than versions: the current steps are the best knowledge), empty when the
     * sequence is gone.
     */
    static Optional<Sequence> of(Enrollment e, ReferenceData reference) {
        return reference.sequenceVersion(e.sequenceId(), e.sequenceVersion())
                .or(() -> reference.sequence(e.sequenceId()));
    }
}
