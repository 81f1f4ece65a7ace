package org.seqengine.enrollment.domain;

import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.EnrollmentCommand.DispatchStep;
import org.seqengine.enrollment.domain.EnrollmentEvent.Blocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.BounceStopped;
import org.seqengine.enrollment.domain.EnrollmentEvent.Excluded;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepDispatched;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unblocked;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.enrollment.domain.reference.StepType;
import org.seqengine.scheduler.domain.template.StepTemplate;

/**
 * The send-time checks of a {@link DispatchStep}, the last word before a step goes out. Exactly one
 * outcome, the first that applies:
 * <ol>
 *   <li>nothing: the enrollment is missing, finished or paused, its next step is another one, a step
 *       is already in flight, its sequence is paused, or the step does not exist (the scheduler's
 *       view lags; a later command corrects it) — no rejection event;</li>
 *   <li>{@code Excluded}: the person matches exclusions that apply to the sequence now (queued: the
 *       enroll-time policy; started: rules that remove from active sequences);</li>
 *   <li>{@code BounceStopped}: the person's address is invalid or flagged high bounce risk;</li>
 *   <li>{@code Blocked(MAILBOX_UNAUTHORIZED)} (also for a mailbox that is gone), then
 *       {@code Blocked(MAILBOX_PAUSED)};</li>
 *   <li>EMAIL steps: {@code Blocked(INVALID_VARIABLES | MISSING_VARIABLES, variables)} when the subject
 *       or body does not render for the person;</li>
 *   <li>otherwise {@code Unblocked} (if blocked) and {@code StepDispatched}.</li>
 * </ol>
 * A re-check that finds the same block again emits nothing (no repeated Blocked).
 */
final class DispatchChecks {

    private DispatchChecks() {}

    static void decide(DispatchStep c, PersonState state, DecisionContext ctx, EventEmitter out) {
        Enrollment e = state.enrollment(c.enrollmentId()).orElse(null);
        if (e == null || !e.isActive() || e.isPaused() || e.nextStepIndex() != c.stepIndex() || e.hasStepInFlight()) {
            return;
        }
        ReferenceData ref = ctx.reference();
        Sequence current = ref.sequence(e.sequenceId()).orElse(null);
        Sequence version = SequenceSteps.of(e, ref).orElse(null);
        if (current == null || current.paused() || version == null || c.stepIndex() >= version.steps().size()) {
            return;
        }
        Step step = version.steps().get(c.stepIndex());
        Person person = ref.person(e.personId()).orElse(null);

        if (person != null && ref.suppressed(person)) {
            // an erased person re-created with the same email: never contacted again
            out.emit(new EnrollmentEvent.Unenrolled(out.next(), e.id(), FinishReason.SUPPRESSED, e.stepsCompleted() == 0));
            return;
        }
        List<ExclusionMatch> excluding = excludingMatches(e, current, ctx);
        if (!excluding.isEmpty()) {
            out.emit(new Excluded(out.next(), e.id(), excluding));
            return;
        }
        if (person == null || !EmailAddresses.isPlausible(person.email()) || person.highBounceRisk()) {
            out.emit(new BounceStopped(out.next(), e.id()));
            return;
        }
        Optional<Mailbox> mailbox = ref.mailbox(e.mailboxId());
        if (mailbox.isEmpty() || mailbox.get().unauthorized()) {
            block(e, BlockReason.MAILBOX_UNAUTHORIZED, List.of(), out);
            return;
        }
        if (mailbox.get().paused()) {
            block(e, BlockReason.MAILBOX_PAUSED, List.of(), out);
            return;
        }
        if (step.type() == StepType.EMAIL && StepContent.render(step, person) instanceof StepTemplate.Blocked b) {
            block(e, StepContent.blockReason(b), StepContent.variables(b), out);
            return;
        }
        if (e.isBlocked()) {
            out.emit(new Unblocked(out.next(), e.id()));
        }
        out.emit(new StepDispatched(out.next(), e.id(), c.stepIndex(), c.attempt(), step.type(),
                step.type() == StepType.TASK ? Ids.taskId(e.id(), c.stepIndex())
                        : Ids.sendRequestId(e.id(), c.stepIndex(), c.attempt()),
                e.mailboxId()));
    }

    /**
     * The matches that stop the enrollment now: while queued (no step completed) every applying rule,
     * as at enrollment; once started, those that remove from active sequences.
     */
    private static List<ExclusionMatch> excludingMatches(Enrollment e, Sequence sequence, DecisionContext ctx) {
        ReferenceData ref = ctx.reference();
        List<ExclusionMatch> matches = ref.exclusionMatches(e.personId());
        if (matches.isEmpty()) return List.of();
        Ruleset ruleset = Rulesets.forSequence(sequence, ref);
        if (e.stepsCompleted() > 0) {
            return ExclusionPolicy.removals(matches, ruleset, ref);
        }
        return matches.stream()
                .filter(m -> m != null && m.ruleId() != null)
                .filter(m -> ref.exclusionRule(m.ruleId()).flatMap(r -> ExclusionPolicy.enforcement(r, ruleset)).isPresent())
                .toList();
    }

    private static void block(Enrollment e, BlockReason reason, List<String> variables, EventEmitter out) {
        if (e.blockReason() == reason && e.blockedVariables().equals(variables)) {
            return; // the same block found again: nothing new
        }
        out.emit(new Blocked(out.next(), e.id(), reason, variables));
    }
}
