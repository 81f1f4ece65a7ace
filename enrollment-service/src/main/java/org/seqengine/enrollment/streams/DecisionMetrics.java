package org.seqengine.enrollment.streams;

import io.micrometer.core.instrument.Metrics;
import java.util.List;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.Rejection;

/**
 * Counters of what the decider did, served at {@code /q/metrics}: {@code enrollment_commands_total}
 * by command type and outcome (applied, rejected with its code, duplicate, unchanged), and
 * {@code enrollment_dead_letters_total}. Tags are bounded enums: never ids or emails.
 */
final class DecisionMetrics {

    private DecisionMetrics() {}

    static void applied(EnrollmentCommand command) {
        count(command, "applied", "none");
    }

    static void rejected(EnrollmentCommand command, List<Rejection> rejections) {
        count(command, "rejected", rejections.isEmpty() ? "none" : rejections.get(0).code().name());
    }

    static void duplicate(EnrollmentCommand command) {
        count(command, "duplicate", "none");
    }

    static void unchanged(EnrollmentCommand command) {
        count(command, "unchanged", "none");
    }

    static void deadLetter(String sourceTopic) {
        Metrics.counter("enrollment.dead_letters", "source_topic", String.valueOf(sourceTopic)).increment();
    }

    private static void count(EnrollmentCommand command, String outcome, String code) {
        Metrics.counter("enrollment.commands", "type", command.getClass().getSimpleName(), "outcome", outcome,
                "code", code).increment();
    }
}
