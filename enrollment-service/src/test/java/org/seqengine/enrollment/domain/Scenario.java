package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.scheduler.domain.TimeScale;

/** A person's state driven through decide + evolve, with a controllable clock and reference data. */
final class Scenario {

    ReferenceData reference;
    Instant now = Fixtures.T0;
    TimeScale timeScale = TimeScale.realTime();
    PersonState state = Fixtures.empty();
    final List<EnrollmentEvent> log = new ArrayList<>();
    /** The remembered first outcome of each command id (the processor's outcome store). */
    final Map<String, CommandOutcome> outcomes = new HashMap<>();
    Decision last;
    private int commandCounter;

    Scenario(ReferenceData reference) {
        this.reference = reference;
    }

    static Scenario of(InMemoryReferenceData.Builder reference) {
        return new Scenario(reference.build());
    }

    DecisionContext ctx() {
        return new DecisionContext(now, reference, timeScale);
    }

    Scenario advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    /** Handle (idempotently, like the processor) and apply; returns the events. */
    List<EnrollmentEvent> run(EnrollmentCommand command) {
        String id = command.meta().commandId();
        last = EnrollmentDecider.handle(command, state, Optional.ofNullable(outcomes.get(id)), ctx());
        if (!last.duplicate() && last.awaitingSlot() == null) {
            outcomes.put(id, last.outcome());
        }
        state = EnrollmentDecider.evolveAll(state, last.events());
        log.addAll(last.events());
        return last.events();
    }

    Optional<CommandOutcome> outcome(String commandId) {
        return Optional.ofNullable(outcomes.get(commandId));
    }

    /** The command's outcome left the retention window. */
    Scenario forget(String commandId) {
        outcomes.remove(commandId);
        return this;
    }

    String nextCommandId() {
        return "cmd-" + (++commandCounter);
    }

    PersonState state() {
        return state;
    }

    CommandMeta meta() {
        return new CommandMeta(nextCommandId(), Fixtures.ORG, Fixtures.PERSON, now, "tester", null);
    }

    /** Enrolls into {@code sequenceId} from mailbox A and asserts it worked; returns the enrollment id. */
    String enrolled(String sequenceId) {
        List<EnrollmentEvent> events = run(new EnrollmentCommand.Enroll(meta(), sequenceId, List.of(Fixtures.MAIL_A)));
        assertThat(events).singleElement().isInstanceOf(Enrolled.class);
        return ((Enrolled) events.get(0)).enrollmentId();
    }

    /** Completes the next {@code n} steps of the enrollment. */
    Scenario steps(String enrollmentId, int n) {
        for (int i = 0; i < n; i++) {
            int next = enrollment(enrollmentId).nextStepIndex();
            run(new EnrollmentCommand.CompleteStep(meta(), enrollmentId, next));
        }
        return this;
    }

    /** The scheduler's DispatchStep, with its command id {@code dispatch:<enrollment>:<step>:<attempt>}. */
    List<EnrollmentEvent> dispatch(String enrollmentId, int stepIndex, int attempt) {
        CommandMeta m = new CommandMeta("dispatch:" + enrollmentId + ":" + stepIndex + ":" + attempt, Fixtures.ORG,
                Fixtures.PERSON, now, "step-scheduler", null);
        return run(new EnrollmentCommand.DispatchStep(m, enrollmentId, stepIndex, attempt));
    }

    /** The reference data changes (a mailbox resumed, a person record fixed, ...). */
    Scenario reference(InMemoryReferenceData.Builder changed) {
        reference = changed.build();
        return this;
    }

    Scenario unenroll(String enrollmentId) {
        run(new EnrollmentCommand.Unenroll(meta(), enrollmentId));
        return this;
    }

    Enrollment enrollment(String enrollmentId) {
        return state.enrollment(enrollmentId).orElseThrow();
    }

    /** The rejections of a command that must produce exactly one EnrollmentRejected. */
    List<Rejection> rejections(EnrollmentCommand command) {
        List<EnrollmentEvent> events = run(command);
        assertThat(events).singleElement().isInstanceOf(EnrollmentEvent.EnrollmentRejected.class);
        return ((EnrollmentEvent.EnrollmentRejected) events.get(0)).reasons();
    }

    List<RejectionCode> codes(EnrollmentCommand command) {
        return rejections(command).stream().map(Rejection::code).toList();
    }
}
