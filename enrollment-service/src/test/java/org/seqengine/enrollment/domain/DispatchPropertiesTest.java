package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_A;
import static org.seqengine.enrollment.domain.Fixtures.MB_A;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.seqengine.enrollment.domain.EnrollmentEvent.Blocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepDispatched;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;

/**
 * Over random command sequences of one person (enrollments, dispatches of any step and attempt,
 * completions, blocks, pauses, replies, opt-outs, upgrades, redeliveries of earlier commands) and
 * reference data that changes under them (mailbox paused, a template value missing): a step is
 * dispatched at most once per enrollment. The one way a step goes again is a {@code Blocked} while
 * it was in flight (a failed send), and then with the same send request id, so the mailer sends it once.
 */
class DispatchPropertiesTest {

    /** One random step: which command, two selectors, whether to redeliver an earlier command instead. */
    record Op(int kind, int a, int b, int resend) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 5))
                .as(Op::new)
                .list().ofMinSize(5).ofMaxSize(60);
    }

    private static ReferenceData reference(boolean mailboxPaused, boolean titleMissing) {
        Person person = DispatchStepTest.person("ada@prospect.example.com", false,
                titleMissing ? Map.of() : Map.of("title", "CTO"));
        return DispatchStepTest.reference(r -> r.person(person)
                .mailbox(new Mailbox(ORG, MB_A, MAIL_A, "Alice", "owner-a", mailboxPaused, false))
                .sequenceVersion(new org.seqengine.enrollment.domain.reference.Sequence(ORG, SEQ, "Sequence", true,
                        false, null, DispatchStepTest.STEPS))
                .sequence(new org.seqengine.enrollment.domain.reference.Sequence(ORG, SEQ, "Sequence", true, false,
                        null, DispatchStepTest.STEPS.subList(0, 2), 2, null, null)))
                .build();
    }

    private static EnrollmentCommand command(Op op, CommandMeta meta, PersonState state) {
        List<Enrollment> all = state.enrollments();
        Enrollment target = all.isEmpty() ? null : all.get(all.size() - 1 - Math.min(op.b() % 2, all.size() - 1));
        String id = target == null ? "enr-unknown" : target.id();
        int next = target == null ? 0 : target.nextStepIndex();
        int step = op.a() < 4 ? next : op.a() - 3; // mostly the due step, sometimes another
        return switch (op.kind()) {
            case 0, 1 -> new EnrollmentCommand.Enroll(meta, SEQ, List.of(MAIL_A));
            case 2, 3, 4, 5, 6 -> new EnrollmentCommand.DispatchStep(meta, id, step, 1 + op.b());
            case 7, 8, 9 -> new EnrollmentCommand.CompleteStep(meta, id, step);
            case 10 -> new EnrollmentCommand.Block(meta, id, BlockReason.values()[op.a() % BlockReason.values().length]);
            case 11 -> new EnrollmentCommand.Unblock(meta, id);
            case 12 -> new EnrollmentCommand.Pause(meta, id);
            case 13 -> new EnrollmentCommand.Resume(meta, id);
            case 14 -> new EnrollmentCommand.RecordReply(meta, id, "reply-" + op.a(), "Re",
                    ReplyClassification.values()[op.a() % 4], meta.issuedAt(), null, op.b() == 0);
            case 15 -> new EnrollmentCommand.OptOut(meta, OptOutSource.LINK);
            case 16 -> new EnrollmentCommand.ClearOptOut(meta, "permission");
            case 17 -> new EnrollmentCommand.UpgradeEnrollment(meta, id, 1 + op.a() % 3, null);
            default -> new EnrollmentCommand.Unenroll(meta, id);
        };
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aStepIsDispatchedAtMostOncePerEnrollmentUnlessABlockFreedIt(@ForAll("ops") List<Op> ops,
                                                                      @ForAll boolean pausedAtFirst) {
        PersonState state = Fixtures.empty();
        Instant now = Fixtures.T0;
        boolean mailboxPaused = pausedAtFirst;
        boolean titleMissing = false;
        List<EnrollmentCommand> sent = new ArrayList<>();
        Map<String, CommandOutcome> outcomes = new HashMap<>();
        Set<String> dispatched = new HashSet<>();          // enrollment/step dispatched and not freed since
        Map<String, String> requestIds = new HashMap<>();  // enrollment/step -> its send request id
        int counter = 0;
        for (Op op : ops) {
            now = now.plus(Duration.ofMinutes(op.a() + 1));
            if (op.kind() == 19) {  // the world changes: a mailbox paused or resumed, a person record edited
                if (op.a() % 2 == 0) mailboxPaused = !mailboxPaused;
                else titleMissing = !titleMissing;
                continue;
            }
            EnrollmentCommand command;
            if (op.resend() == 0 && !sent.isEmpty()) {
                command = sent.get(op.a() * 7 % sent.size());  // a redelivery of an earlier command
            } else {
                command = command(op, new CommandMeta("cmd-" + (++counter), ORG, PERSON, now, "prop", null), state);
                sent.add(command);
            }
            String commandId = command.meta().commandId();
            Decision decision = EnrollmentDecider.handle(command, state, Optional.ofNullable(outcomes.get(commandId)),
                    new DecisionContext(now, reference(mailboxPaused, titleMissing)));
            if (!decision.duplicate()) outcomes.put(commandId, decision.outcome());

            PersonState before = state;
            for (EnrollmentEvent event : decision.events()) {
                if (event instanceof Blocked b) {
                    // a block frees the step that was in flight (the send failed or never went)
                    before.enrollment(b.enrollmentId()).filter(Enrollment::hasStepInFlight)
                            .ifPresent(e -> dispatched.remove(e.id() + "/" + e.dispatchedStepIndex()));
                }
                if (event instanceof StepDispatched d) {
                    String key = d.enrollmentId() + "/" + d.stepIndex();
                    assertThat(dispatched.add(key)).as("step %s dispatched twice (by %s)", key, commandId).isTrue();
                    assertThat(requestIds.computeIfAbsent(key, k -> d.sendRequestId()))
                            .as("send request id of %s", key).isEqualTo(d.sendRequestId());
                    Enrollment e = before.enrollment(d.enrollmentId()).orElseThrow();
                    assertThat(e.isActive() && !e.isPaused() && !e.hasStepInFlight()).isTrue();
                    assertThat(d.stepIndex()).isEqualTo(e.nextStepIndex());
                }
            }
            state = EnrollmentDecider.evolveAll(state, decision.events());
            for (Enrollment e : state.enrollments()) {
                if (e.hasStepInFlight()) {
                    assertThat(e.isActive()).as("a finished enrollment has no step in flight").isTrue();
                    assertThat(e.dispatchedStepIndex()).isEqualTo(e.nextStepIndex());
                }
            }
        }
    }
}
