package org.seqengine.stepscheduler.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.email;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.task;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.DispatchStepCommand;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.ResumeCommand;
import org.seqengine.scheduler.domain.SendWindow;
import org.seqengine.scheduler.domain.SequenceTiming;
import org.seqengine.scheduler.domain.TimeScale;

/**
 * Random lives of enrollments through the topology, with enrollment-service and the mailer
 * simulated: enrollments, pauses of sequences, mailboxes and enrollments (manual and out of office),
 * time passing. Whatever happens: no DispatchStep id twice; no step sent before it is due or outside
 * its window; no mailbox over its daily limit in any rolling day or closer than its gap; and once
 * every pause is lifted, every enrollment runs to its end (nothing is stuck).
 */
class SchedulerPropertiesTest {

    static final Duration DAY = Duration.ofDays(1);
    static final List<String> SEQUENCES = List.of("any", "berlin");
    static final List<String> MAILBOXES = List.of("m1", "m2");
    static final Map<String, Integer> LIMIT = Map.of("m1", 2, "m2", 200);
    static final Map<String, Integer> GAP = Map.of("m1", 0, "m2", 600);
    static final SequenceTiming BERLIN = new SequenceTiming(new SendWindow(ZoneId.of("Europe/Berlin"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)), TimeScale.realTime());
    static final Map<String, List<Integer>> WAITS = Map.of("any", List.of(0, 1, 1), "berlin", List.of(0, 2));
    static final Map<String, List<Boolean>> IS_EMAIL = Map.of("any", List.of(true, true, false), "berlin", List.of(true, true));

    sealed interface Action {}
    record Enroll(int sequence, int mailbox) implements Action {}
    record Advance(int minutes) implements Action {}
    record PauseSequence(int sequence, boolean paused) implements Action {}
    record PauseMailbox(int mailbox, boolean paused) implements Action {}
    record PauseEnrollment(int enrollment, boolean outOfOffice, int hours) implements Action {}
    record ResumeEnrollment(int enrollment) implements Action {}
    record Unenroll(int enrollment) implements Action {}
    record Reassign(int enrollment) implements Action {}

    record Sent(String enrollment, int step, Instant at, String mailbox, boolean email) {}

    @Property(tries = 40)
    void theSchedulerKeepsEveryPromise(@ForAll("actions") List<Action> actions) {
        Path dir = tempDir();
        try (SchedulerFixture f = new SchedulerFixture(dir, SchedulerSettings.defaults(), true)) {
            World w = new World(f);
            for (Action a : actions) w.apply(a);
            // lift every pause and let time run: everything finishes
            for (String s : SEQUENCES) f.pauseSequence(s, false);
            w.pausedMailboxes.clear();
            for (String m : MAILBOXES) f.mailbox(m, false, LIMIT.get(m), GAP.get(m));
            new ArrayList<>(w.paused).forEach(w::resume);
            w.settle();
            for (int i = 0; i < 4 * 60 && !w.allFinished(); i++) w.advance(Duration.ofHours(6));
            assertThat(w.unfinished()).as("enrollments left unfinished").isEmpty();
            w.checkLimits();
        }
    }

    /** The simulated enrollment-service and mailer, and what they saw. */
    static final class World {
        final SchedulerFixture f;
        final List<String> enrollments = new ArrayList<>();
        final Set<String> paused = new HashSet<>();
        final Set<String> pausedMailboxes = new HashSet<>();
        final Set<String> commandIds = new HashSet<>();
        final List<Sent> sent = new ArrayList<>();
        final Map<String, String> sequenceOf = new HashMap<>();

        World(SchedulerFixture f) {
            this.f = f;
            f.sequence("any", email(0), email(1), task(1));
            f.sequence("berlin", 1, window("Europe/Berlin", List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00"),
                    email(0), email(2));
            for (String m : MAILBOXES) f.mailbox(m, false, LIMIT.get(m), GAP.get(m));
        }

        void apply(Action a) {
            if (a instanceof Enroll e) {
                String id = "e" + enrollments.size();
                enrollments.add(id);
                sequenceOf.put(id, SEQUENCES.get(e.sequence()));
                f.enroll(id, "p-" + id, SEQUENCES.get(e.sequence()), MAILBOXES.get(e.mailbox()));
            } else if (a instanceof Advance adv) {
                advance(Duration.ofMinutes(adv.minutes()));
                return;
            } else if (a instanceof PauseSequence p) {
                f.pauseSequence(SEQUENCES.get(p.sequence()), p.paused());
            } else if (a instanceof PauseMailbox p) {
                String m = MAILBOXES.get(p.mailbox());
                if (p.paused()) pausedMailboxes.add(m);
                else pausedMailboxes.remove(m);
                f.mailbox(m, p.paused(), LIMIT.get(m), GAP.get(m));
            } else if (a instanceof PauseEnrollment p && !enrollments.isEmpty()) {
                String id = enrollments.get(p.enrollment() % enrollments.size());
                if (active(id) && !paused.contains(id)) {
                    paused.add(id);
                    Instant resumeAt = p.outOfOffice() ? f.now().plus(Duration.ofHours(p.hours())) : null;
                    f.update(id, b -> b.setPauseReason(p.outOfOffice() ? "OUT_OF_OFFICE" : "MANUAL").setResumeAt(resumeAt));
                }
            } else if (a instanceof ResumeEnrollment r && !enrollments.isEmpty()) {
                resume(enrollments.get(r.enrollment() % enrollments.size()));
            } else if (a instanceof Unenroll u && !enrollments.isEmpty()) {
                String id = enrollments.get(u.enrollment() % enrollments.size());
                if (active(id)) {
                    paused.remove(id);
                    f.finished(id, "UNENROLLED");
                }
            } else if (a instanceof Reassign r && !enrollments.isEmpty()) {
                // a queued enrollment (no step sent, none in flight) may move to another mailbox
                String id = enrollments.get(r.enrollment() % enrollments.size());
                EnrollmentRecord e = current(id);
                if (active(id) && e.getStepsCompleted() == 0 && e.getDispatchedStepIndex() == null) {
                    String other = e.getMailboxId().equals("m1") ? "m2" : "m1";
                    f.update(id, b -> b.setMailboxId(other));
                }
            }
            settle();
        }

        void advance(Duration d) {
            f.advance(d);
            settle();
            // the mailer reports every email and the assignee completes every task sent before now
            for (String id : enrollments) {
                EnrollmentRecord e = current(id);
                if (e.getFinishReason() == null && e.getDispatchedStepIndex() != null) {
                    int step = e.getDispatchedStepIndex();
                    if (step + 1 >= WAITS.get(sequenceOf.get(id)).size()) {
                        f.update(id, b -> b.setDispatchedStepIndex(null).setNextStepIndex(step + 1).setStepsCompleted(step + 1)
                                .setLastStepAt(f.now()).setFinishReason("SEQUENCE_COMPLETED").setEndedAt(f.now()));
                    } else {
                        f.completed(id, step);
                    }
                }
            }
            settle();
        }

        void resume(String id) {
            if (paused.remove(id) && active(id)) f.update(id, b -> b.setPauseReason(null).setResumeAt(null));
        }

        /** enrollment-service decides every command the scheduler sent, until it sends no more. */
        void settle() {
            for (List<CommandEnvelope> cs = f.commands(); !cs.isEmpty(); cs = f.commands()) {
                for (CommandEnvelope c : cs) {
                    assertThat(commandIds.add(c.getCommandId())).as("command id sent twice: " + c.getCommandId()).isTrue();
                    if (c.getPayload() instanceof DispatchStepCommand d) decide(d);
                    else if (c.getPayload() instanceof ResumeCommand r) {
                        EnrollmentRecord e = current(r.getEnrollmentId());
                        assertThat(e.getResumeAt()).isNotNull();
                        assertThat(f.now()).isAfterOrEqualTo(e.getResumeAt());
                        resume(r.getEnrollmentId());
                    }
                }
            }
        }

        private void decide(DispatchStepCommand d) {
            String id = d.getEnrollmentId();
            EnrollmentRecord e = current(id);
            if (e.getFinishReason() != null || e.getPauseReason() != null || e.getNextStepIndex() != d.getStepIndex()
                    || e.getDispatchedStepIndex() != null) {
                return; // nothing
            }
            if (pausedMailboxes.contains(e.getMailboxId())) {
                f.update(id, b -> b.setBlockReason("MAILBOX_PAUSED"));
                return;
            }
            String seq = sequenceOf.get(id);
            int step = d.getStepIndex();
            Instant from = e.getLastStepAt() != null ? e.getLastStepAt() : e.getCreatedAt();
            Instant due = from.plus(DAY.multipliedBy(WAITS.get(seq).get(step)));
            assertThat(f.now()).as(id + " step " + step + " before it is due").isAfterOrEqualTo(due);
            if (seq.equals("berlin")) assertThat(BERLIN.allows(f.now())).as(id + " step " + step + " outside its window").isTrue();
            boolean isEmail = IS_EMAIL.get(seq).get(step);
            sent.add(new Sent(id, step, f.now(), e.getMailboxId(), isEmail));
            f.update(id, b -> b.setBlockReason(null).setDispatchedStepIndex(step));
        }

        void checkLimits() {
            for (String m : MAILBOXES) {
                List<Instant> emails = sent.stream().filter(s -> s.mailbox().equals(m) && s.email()).map(Sent::at).sorted().toList();
                for (int i = 0; i < emails.size(); i++) {
                    Instant t = emails.get(i);
                    long inDay = emails.stream().filter(x -> !x.isAfter(t) && x.isAfter(t.minus(DAY))).count();
                    assertThat(inDay).as(m + " over its daily limit at " + t).isLessThanOrEqualTo(LIMIT.get(m));
                    if (i > 0) {
                        assertThat(Duration.between(emails.get(i - 1), t).getSeconds())
                                .as(m + " gap before " + t).isGreaterThanOrEqualTo(GAP.get(m));
                    }
                }
            }
        }

        boolean active(String id) {
            return current(id).getFinishReason() == null;
        }

        boolean allFinished() {
            return unfinished().isEmpty();
        }

        List<String> unfinished() {
            return enrollments.stream().filter(this::active).toList();
        }

        EnrollmentRecord current(String id) {
            return f.latest(id);
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> enroll = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1))
                .as(Enroll::new);
        Arbitrary<Action> advance = Arbitraries.integers().between(1, 60 * 30).map(Advance::new);
        Arbitrary<Action> pauseSequence = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(true, false))
                .as(PauseSequence::new);
        Arbitrary<Action> pauseMailbox = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(true, false))
                .as(PauseMailbox::new);
        Arbitrary<Action> pauseEnrollment = Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 72)).as(PauseEnrollment::new);
        Arbitrary<Action> resume = Arbitraries.integers().between(0, 20).map(ResumeEnrollment::new);
        Arbitrary<Action> unenroll = Arbitraries.integers().between(0, 20).map(Unenroll::new);
        Arbitrary<Action> reassign = Arbitraries.integers().between(0, 20).map(Reassign::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, enroll), net.jqwik.api.Tuple.of(6, advance), net.jqwik.api.Tuple.of(1, pauseSequence),
                net.jqwik.api.Tuple.of(1, pauseMailbox), net.jqwik.api.Tuple.of(1, pauseEnrollment), net.jqwik.api.Tuple.of(1, resume),
                net.jqwik.api.Tuple.of(1, unenroll), net.jqwik.api.Tuple.of(1, reassign))
                .list().ofMinSize(5).ofMaxSize(40);
    }

    private static Path tempDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "scheduler-properties-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
