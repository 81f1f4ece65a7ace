package org.seqengine.enrollment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * Rule 6: whether previous enrollments allow a new one, per the target sequence's ruleset, and where
 * a same-sequence re-enrollment starts. Only finished enrollments that completed at least one step
 * count; active ones are rule 5's business.
 */
public final class ReenrollmentPolicy {

    private ReenrollmentPolicy() {}

    /** Every failing re-enrollment check, in order (empty = allowed). */
    public static List<Rejection> check(String sequenceId, Ruleset ruleset, PersonState state, Instant now) {
        List<Enrollment> counted = state.enrollments().stream().filter(ReenrollmentPolicy::counts).toList();
        List<Rejection> out = new ArrayList<>();
        if (counted.isEmpty()) {
            return out;
        }
        boolean sameSequence = counted.stream().anyMatch(e -> sequenceId.equals(e.sequenceId()));
        if (!ruleset.allowReenrollmentIntoSequences()) {
            out.add(Rejection.of(sameSequence
                    ? RejectionCode.ALREADY_ENROLLED_IN_THIS_SEQUENCE
                    : RejectionCode.ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE));
            return out;
        }
        if (sameSequence && !ruleset.allowReenrollmentIntoSameSequence()) {
            out.add(Rejection.of(RejectionCode.ALREADY_ENROLLED_IN_THIS_SEQUENCE));
        }
        if (ruleset.reenrollmentWaitingDays() > 0) {
            Instant lastEnded = counted.stream().map(Enrollment::endedAt)
                    .filter(t -> t != null).max(Instant::compareTo).orElse(null);
            if (lastEnded != null
                    && lastEnded.plus(Duration.ofDays(ruleset.reenrollmentWaitingDays())).isAfter(now)) {
                out.add(Rejection.of(RejectionCode.RECENTLY_ENROLLED));
            }
        }
        return out;
    }

    /**
     * Where a new enrollment into {@code sequence} starts: the next step of the latest previous
     * enrollment in the same sequence, or 0 when there is none or it had run every step.
     */
    public static int startStepIndex(Sequence sequence, PersonState state) {
        int start = 0;
        for (Enrollment e : state.enrollments()) {
            if (!e.isActive() && sequence.id().equals(e.sequenceId())) {
                start = e.nextStepIndex();
            }
        }
        return start < 0 || start >= sequence.steps().size() ? 0 : start;
    }

    private static boolean counts(Enrollment e) {
        return !e.isActive() && e.stepsCompleted() >= 1;
    }
}
