package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;

/**
 * Invariants over random command sequences for one person, over a small pool of sequences,
 * mailboxes, exclusion rules and enrollment ids, with random reference-data settings.
 */
class EnrollmentDeciderPropertiesTest {

    private static final String SEQ_DRAFT = Fixtures.DRAFT_SEQ;
    private static final List<String> SEQUENCES = List.of(Fixtures.SEQ, Fixtures.SEQ_2, SEQ_DRAFT, "seq-unknown");
    private static final List<String> MAILBOX_EMAILS = List.of(Fixtures.MAIL_A, Fixtures.MAIL_B, "nobody@x.example.com");
    private static final List<String> MAILBOX_IDS = List.of(Fixtures.MB_A, Fixtures.MB_B, "mb-unknown");
    private static final List<String> RULES = List.of("r1", "r2", "r-unknown");

    /** The settings a try runs under. */
    record World(boolean reenroll, boolean sameSequence, int waitingDays, boolean r1Org, boolean r1InRuleset,
                 boolean r1Remove, boolean personMatchesR1, boolean crmOptOut, int loads) {

        ReferenceData reference() {
            InMemoryReferenceData.Builder b = Fixtures.reference()
                    .ruleset(r1InRuleset ? new org.seqengine.enrollment.domain.reference.Ruleset(Fixtures.ORG, "rs",
                            reenroll, sameSequence, waitingDays, Set.of("r1"))
                            : new org.seqengine.enrollment.domain.reference.Ruleset(Fixtures.ORG, "rs",
                            reenroll, sameSequence, waitingDays, Set.of()))
                    .sequence(Fixtures.SEQ, true, "rs", 3)
                    .rule("r1", r1Org, r1Remove)
                    .rule("r2", true, true)
                    .load(Fixtures.MB_A, loads % 3)
                    .load(Fixtures.MB_B, loads / 3 % 3);
            if (personMatchesR1) {
                b.match(Fixtures.PERSON, "r1");
            }
            if (crmOptOut) {
                b.person(Fixtures.person(Fixtures.PERSON + "@prospect.example.com", false, true, false));
            }
            return b.build();
        }
    }

    /** One random step: which command, two selectors, how much time passes first, whether to resend an old command. */
    record Op(int kind, int a, int b, int advanceHours, int resend) {}

    /** What happened at one step. */
    record Step(PersonState before, EnrollmentCommand command, DecisionContext ctx, Decision decision,
                PersonState after) {
        List<EnrollmentEvent> events() {
            return decision.events();
        }
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Boolean> bool = Arbitraries.of(true, false);
        return Combinators.combine(
                        Combinators.combine(bool, bool, Arbitraries.of(0, 1, 75)).as(List::of),
                        Combinators.combine(bool, bool, bool, bool).as(List::of),
                        Arbitraries.frequency(net.jqwik.api.Tuple.of(9, false), net.jqwik.api.Tuple.of(1, true)),
                        Arbitraries.integers().between(0, 8))
                .as((re, rules, crm, loads) -> new World((Boolean) re.get(0), (Boolean) re.get(1), (Integer) re.get(2),
                        rules.get(0), rules.get(1), rules.get(2), rules.get(3), crm, loads));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 29),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 48)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(24 * 20, 24 * 90))),
                        Arbitraries.integers().between(0, 9))
                .as(Op::new)
                .list().ofMaxSize(40);
    }

    private static List<Step> simulate(World world, List<Op> ops) {
        ReferenceData reference = world.reference();
        PersonState state = Fixtures.empty();
        Instant now = Fixtures.T0;
        List<EnrollmentCommand> sent = new ArrayList<>();
        Map<String, CommandOutcome> outcomes = new HashMap<>(); // the processor's outcome store
        List<Step> steps = new ArrayList<>();
        int counter = 0;
        for (Op op : ops) {
            now = now.plus(Duration.ofHours(op.advanceHours()));
            EnrollmentCommand command;
            if (op.resend() == 0 && !sent.isEmpty()) {
                command = sent.get(op.a() * 31 % sent.size()); // a retry / redelivery of an earlier command
            } else {
                CommandMeta meta = new CommandMeta("cmd-" + (++counter), Fixtures.ORG, Fixtures.PERSON, now, "prop", null);
                command = command(op, meta, state);
                sent.add(command);
            }
            DecisionContext ctx = new DecisionContext(now, reference);
            String id = command.meta().commandId();
            Decision decision = EnrollmentDecider.handle(command, state, Optional.ofNullable(outcomes.get(id)), ctx);
            if (!decision.duplicate()) {
                outcomes.put(id, decision.outcome());
            }
            PersonState after = EnrollmentDecider.evolveAll(state, decision.events());
            steps.add(new Step(state, command, ctx, decision, after));
            state = after;
        }
        return steps;
    }

    private static EnrollmentCommand command(Op op, CommandMeta meta, PersonState state) {
        List<Enrollment> enrollments = state.enrollments();
        // mostly the latest enrollment (the one that may be active), sometimes an older or an unknown one
        Enrollment target = enrollments.isEmpty() || op.b() == 7 ? null
                : op.b() < 5 ? enrollments.get(enrollments.size() - 1)
                : enrollments.get(op.b() % enrollments.size());
        String enrollmentId = target != null ? target.id() : "enr-unknown";
        return switch (op.kind()) {
            case 0, 1, 2, 3, 4, 5 -> {
                List<String> emails = new ArrayList<>();
                for (int i = 0; i < MAILBOX_EMAILS.size(); i++) {
                    if (((op.b() + 1) >> i & 1) == 1) {
                        emails.add(MAILBOX_EMAILS.get(i));
                    }
                }
                String sequenceId = op.a() < 3 ? Fixtures.SEQ : op.a() < 6 ? Fixtures.SEQ_2
                        : SEQUENCES.get(op.a() % SEQUENCES.size());
                yield new EnrollmentCommand.Enroll(meta, sequenceId, emails);
            }
            case 6, 7, 8, 9, 10, 11 -> new EnrollmentCommand.CompleteStep(meta, enrollmentId,
                    target != null && op.a() % 4 != 0 ? target.nextStepIndex() : op.a() % 4);
            case 12 -> new EnrollmentCommand.Unenroll(meta, enrollmentId);
            case 13 -> new EnrollmentCommand.UnenrollPerson(meta);
            case 14 -> new EnrollmentCommand.OptOut(meta, OptOutSource.values()[op.a() % OptOutSource.values().length]);
            case 15 -> new EnrollmentCommand.ClearOptOut(meta, op.a() % 3 == 0 ? " " : "permission " + op.a());
            case 16 -> new EnrollmentCommand.Pause(meta, enrollmentId);
            case 17 -> new EnrollmentCommand.Resume(meta, enrollmentId);
            case 18 -> new EnrollmentCommand.Block(meta, enrollmentId, BlockReason.values()[op.a() % BlockReason.values().length]);
            case 19 -> new EnrollmentCommand.Unblock(meta, enrollmentId);
            case 20 -> new EnrollmentCommand.Bounce(meta, enrollmentId);
            case 21 -> new EnrollmentCommand.StopForBounceRisk(meta, enrollmentId);
            case 22, 23 -> new EnrollmentCommand.RecordReply(meta, enrollmentId, "reply-" + op.a(), "Re",
                    ReplyClassification.values()[op.a() % 4], op.a() % 2 == 0 ? meta.issuedAt() : null,
                    op.a() % 3 == 0 ? LocalDate.of(2026, 4, 1 + op.a()) : null);
            case 24 -> {
                List<ExclusionMatch> matches = new ArrayList<>();
                for (int i = 0; i < RULES.size(); i++) {
                    if ((op.a() >> i & 1) == 1) {
                        matches.add(new ExclusionMatch(RULES.get(i), MatchLevel.values()[op.b() % 2]));
                    }
                }
                yield new EnrollmentCommand.Exclude(meta, matches);
            }
            case 26 -> new EnrollmentCommand.MailboxOwnerChanged(meta, enrollmentId, MAILBOX_IDS.get(op.a() % 3),
                    op.b() % 3 == 0 ? null : MAILBOX_IDS.get(op.b() % 3));
            case 25, 27 -> new EnrollmentCommand.ReassignMailbox(meta, enrollmentId, MAILBOX_IDS.get(op.a() % 3));
            default -> new EnrollmentCommand.ReopenEnrollment(meta, enrollmentId,
                    op.a() % 3 == 0 ? null : RULES.get(op.a() % RULES.size()), null);
        };
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void neverTwoActiveEnrollments(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        for (Step step : simulate(world, ops)) {
            assertThat(step.after().enrollments().stream().filter(Enrollment::isActive).count())
                    .as("active enrollments after %s", step.command()).isLessThanOrEqualTo(1);
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void anOptedOutPersonIsNeverEnrolled(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        for (Step step : simulate(world, ops)) {
            if (step.before().optedOut() || world.crmOptOut()) {
                assertThat(step.events()).as("events of %s", step.command())
                        .noneMatch(e -> e instanceof Enrolled);
            }
            if (step.after().optedOut()) {
                assertThat(step.after().active()).as("active after opting out").isEmpty();
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void replayingTheEventsFromEmptyRebuildsTheState(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        List<Step> steps = simulate(world, ops);
        List<EnrollmentEvent> log = new ArrayList<>();
        for (Step step : steps) {
            log.addAll(step.events());
            assertThat(EnrollmentDecider.evolveAll(Fixtures.empty(), log)).isEqualTo(step.after());
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void handlingACommandAgainWithItsOutcomeYieldsNothingNew(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        for (Step step : simulate(world, ops)) {
            Decision again = EnrollmentDecider.handle(step.command(), step.after(),
                    Optional.of(step.decision().outcome()), step.ctx());
            assertThat(again.events()).as("second decision of %s", step.command()).isEmpty();
            assertThat(again.outcome()).isEqualTo(step.decision().outcome());
        }
    }

    /** Every command, also one that changed nothing, is answered by its first outcome when resent. */
    @Property(edgeCases = EdgeCasesMode.NONE)
    void aResentCommandYieldsNothingAndItsFirstOutcome(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        Map<String, CommandOutcome> first = new HashMap<>();
        for (Step step : simulate(world, ops)) {
            String id = step.command().meta().commandId();
            if (first.containsKey(id)) {
                assertThat(step.decision().duplicate()).isTrue();
                assertThat(step.events()).as("resent %s", step.command()).isEmpty();
                assertThat(step.after()).isEqualTo(step.before());
                assertThat(step.decision().outcome()).isEqualTo(first.get(id));
            } else {
                assertThat(step.decision().duplicate()).isFalse();
                first.put(id, step.decision().outcome());
            }
        }
    }

    /** After its outcome expired, an accepted Enroll still answers its enrollment and enrolls nobody again. */
    @Property(edgeCases = EdgeCasesMode.NONE)
    void anEnrollWhoseOutcomeExpiredAnswersItsEnrollment(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        List<Step> steps = simulate(world, ops);
        if (steps.isEmpty()) return;
        Step lastStep = steps.get(steps.size() - 1);
        for (Step step : steps) {
            Optional<Enrolled> enrolled = step.events().stream()
                    .filter(e -> e instanceof Enrolled).map(e -> (Enrolled) e).findFirst();
            if (enrolled.isPresent()) {
                Decision late = EnrollmentDecider.handle(step.command(), lastStep.after(), Optional.empty(), lastStep.ctx());
                assertThat(late.events()).isEmpty();
                assertThat(late.outcome().enrollmentIds()).containsExactly(enrolled.get().enrollmentId());
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void eventsAreWellFormedAndHistoryIsNeverRewritten(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        Set<String> eventIds = new HashSet<>();
        for (Step step : simulate(world, ops)) {
            CommandMeta meta = step.command().meta();
            for (int i = 0; i < step.events().size(); i++) {
                EventMeta em = step.events().get(i).meta();
                assertThat(em).isEqualTo(new EventMeta(Ids.eventId(meta.commandId(), i), meta.commandId(),
                        meta.orgId(), meta.personId(), step.ctx().now(), meta.actor()));
                assertThat(eventIds.add(em.eventId())).as("unique event id").isTrue();
            }
            // enrollments are only ever appended; a finished one never changes how it finished (a late
            // reply or bounce is only recorded on it), except that an Excluded one may be reopened where it stopped
            List<Enrollment> before = step.before().enrollments();
            assertThat(step.after().enrollments().size()).isGreaterThanOrEqualTo(before.size());
            Set<String> reopened = new HashSet<>();
            step.events().stream().filter(e -> e instanceof EnrollmentEvent.Reopened)
                    .forEach(e -> reopened.add(((EnrollmentEvent.Reopened) e).enrollmentId()));
            for (int i = 0; i < before.size(); i++) {
                Enrollment was = before.get(i);
                Enrollment is = step.after().enrollments().get(i);
                assertThat(is.id()).isEqualTo(was.id());
                if (reopened.contains(was.id())) {
                    assertThat(was.isExcluded()).as("only an Excluded enrollment reopens").isTrue();
                    assertThat(is.isActive()).isTrue();
                    assertThat(is.nextStepIndex()).isEqualTo(was.nextStepIndex());
                    assertThat(is.stepsCompleted()).isEqualTo(was.stepsCompleted());
                    assertThat(is.excludedBy()).isEmpty();
                } else if (!was.isActive()) {
                    assertThat(is.isActive()).isFalse();
                    assertThat(is.finishReason()).isEqualTo(was.finishReason());
                    assertThat(is.endedAt()).isEqualTo(was.endedAt());
                    assertThat(is.stepsCompleted()).isEqualTo(was.stepsCompleted());
                    assertThat(is.startedAt()).isEqualTo(was.startedAt());
                    assertThat(is.displayStatus()).isEqualTo(was.displayStatus());
                }
                // started_at is set exactly when a step has completed
                assertThat(is.startedAt() != null).isEqualTo(is.stepsCompleted() > 0);
            }
            // at most one enrollment is created per command, and only by an accepted Enroll
            long created = step.events().stream().filter(e -> e instanceof Enrolled).count();
            assertThat(step.after().enrollments().size() - before.size()).isEqualTo((int) created);
            assertThat(created).isLessThanOrEqualTo(step.command() instanceof EnrollmentCommand.Enroll ? 1 : 0);
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void anAcceptedEnrollPassedEveryEligibilityCheck(@ForAll("worlds") World world, @ForAll("ops") List<Op> ops) {
        for (Step step : simulate(world, ops)) {
            if (step.command() instanceof EnrollmentCommand.Enroll enroll && !step.decision().duplicate()) {
                List<Rejection> all = EnrollChecks.eligibility(enroll.sequenceId(), enroll.mailboxEmails(), step.before(),
                        step.ctx());
                boolean enrolled = step.events().stream().anyMatch(e -> e instanceof Enrolled);
                assertThat(enrolled).as("enrolled iff eligible: %s", all).isEqualTo(all.isEmpty());
                if (!enrolled) {
                    EnrollmentEvent.EnrollmentRejected r = (EnrollmentEvent.EnrollmentRejected) step.events().get(0);
                    assertThat(r.reasons().get(0)).isEqualTo(all.get(0));
                }
            }
        }
    }
}
