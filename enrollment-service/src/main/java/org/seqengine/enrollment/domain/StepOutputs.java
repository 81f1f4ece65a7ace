package org.seqengine.enrollment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepCompleted;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepDispatched;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.enrollment.domain.reference.StepType;
import org.seqengine.scheduler.domain.template.StepTemplate;

/**
 * The {@link StepOutput}s of one decision, derived from its events, the state before them and the
 * reference data the decision saw (as {@link CrmWriteBack#forEvents} derives write-backs): the
 * decider stays a function to events, and the processor publishes these with them, atomically.
 * A StepDispatched passed its checks on the same data, so the step renders here exactly as it did there.
 */
public final class StepOutputs {

    private StepOutputs() {}

    /** @param after {@code before} evolved by {@code events} */
    public static List<StepOutput> forDecision(PersonState before, PersonState after, List<EnrollmentEvent> events,
                                               ReferenceData reference) {
        if (events.isEmpty()) return List.of();
        List<StepOutput> out = new ArrayList<>();
        for (Enrollment was : before.enrollments()) {
            if (!was.hasStepInFlight()) continue;
            Enrollment now = after.enrollment(was.id()).orElseThrow();
            if (Objects.equals(now.dispatchedRequestId(), was.dispatchedRequestId())) continue;
            StepCompleted completion = events.stream()
                    .filter(ev -> ev instanceof StepCompleted c && c.enrollmentId().equals(was.id())
                            && c.stepIndex() == was.dispatchedStepIndex())
                    .map(StepCompleted.class::cast).findFirst().orElse(null);
            EventMeta meta = events.get(0).meta();
            out.add(new StepOutput.InFlightClosed(was.dispatchedRequestId(), was.orgId(), was.personId(), was.id(),
                    was.sequenceId(), was.dispatchedStepIndex(), completion != null, meta.occurredAt(), meta.actor()));
        }
        for (EnrollmentEvent event : events) {
            if (event instanceof StepDispatched d) {
                out.add(dispatched(d, after.enrollment(d.enrollmentId()).orElseThrow(), reference));
            }
        }
        return out;
    }

    private static StepOutput dispatched(StepDispatched d, Enrollment e, ReferenceData reference) {
        Sequence sequence = SequenceSteps.of(e, reference).orElseThrow(
                () -> new IllegalStateException("dispatched a step of a sequence that is gone"));
        Step step = sequence.steps().get(d.stepIndex());
        Person person = reference.person(e.personId()).orElse(null);
        if (d.stepType() == StepType.TASK) {
            return new StepOutput.TaskOpened(d.sendRequestId(), e.orgId(), e.personId(), e.id(), e.sequenceId(),
                    d.stepIndex(), e.taskAssigneeId(), StepContent.taskBody(step, person), d.meta().occurredAt());
        }
        if (!(StepContent.render(step, person) instanceof StepTemplate.Ready ready)) {
            throw new IllegalStateException("dispatched an email step that does not render");
        }
        Mailbox mailbox = reference.mailbox(d.mailboxId()).orElseThrow(
                () -> new IllegalStateException("dispatched from a mailbox that is gone"));
        return new StepOutput.SendRequest(d.sendRequestId(), e.orgId(), e.personId(), e.id(), e.sequenceId(),
                e.sequenceVersion(), d.stepIndex(), d.attempt(), mailbox.id(), mailbox.email(), person.email(),
                ready.subject(), ready.body(), d.meta().occurredAt());
    }
}
