package org.seqengine.stepscheduler.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.scheduler.domain.MailboxLimits;
import org.seqengine.scheduler.domain.StepKind;
import org.seqengine.scheduler.domain.WaitReason;
import org.seqengine.stepscheduler.domain.BlockCheck;
import org.seqengine.stepscheduler.domain.Dispatch;
import org.seqengine.stepscheduler.domain.EnrollmentPlan;
import org.seqengine.stepscheduler.domain.EnrollmentSnapshot;
import org.seqengine.stepscheduler.domain.MailboxSettings;
import org.seqengine.stepscheduler.domain.SequenceStep;
import org.seqengine.stepscheduler.domain.SequenceView;

/**
 * The mailbox stage (key {@code org/mailbox_id}): a task owns its mailboxes, so each mailbox's
 * capacity and FIFO are local. For each active enrollment it keeps one entry and places its next
 * step: on the timer wheel until it is due and its window is open, then (emails) in the mailbox's
 * capacity queue until the mailbox may send, then out as a {@code DispatchStep}. Tasks go out as
 * soon as they are due in their window (no capacity). A paused sequence holds its steps; an
 * out-of-office pause gets its {@code Resume} at resume_at; a blocked enrollment is tried again
 * (next attempt) when its mailbox, person or sequence changes and the check passes.
 *
 * <p>Two wall-clock punctuators: the tick fires due timers (bounded per tick), the sequence check
 * compares the task's sequences with the global stores and re-plans the enrollments of a changed one.
 * Entries and mailbox states are cached for one call and written once at its end.
 */
final class MailboxStage implements Processor<String, MailboxInput, String, SchedulerOutput> {

    /** Timers taken from the wheel at a time within one tick. */
    private static final int FIRE_CHUNK = 500;
    /** Most wall-clock time one tick works before it lets the task commit (see {@link #tick}). */
    private static final long TICK_WORK_BUDGET_NANOS = java.time.Duration.ofSeconds(1).toNanos();

    static final String ACTOR = Commands.ACTOR;
    private static final String WAITING_PREFIX = "waiting:";
    private static final StringSerializer KEYS = new StringSerializer();
    /** Queue entries read at a time by a drain: a full mailbox reads none, a free one a few at a time. */
    private static final int DRAIN_CHUNK = 64;

    private final SchedulerSettings settings;
    private final SchedulerMetrics metrics;

    private ProcessorContext<String, SchedulerOutput> context;
    private KeyValueStore<String, ScheduleEntry> entryStore;
    private KeyValueStore<String, MailboxState> mailboxStore;
    private KeyValueStore<String, String> bySequence;
    private KeyValueStore<String, SequenceSeen> sequencesSeen;
    private KeyValueStore<String, String> blocked;
    private KeyValueStore<String, String> taskState;
    private KeyValueStore<String, TemplatePerson> templatePeople;
    private TimerWheel timers;
    private CapacityQueue queue;
    private SendLog sendLog;
    private ReferenceData reference;
    private String taskId;
    private final Map<String, Long> waitingCounts = new TreeMap<>();

    // one call's cache: loaded once, written once at the end (null value: delete)
    private final Map<String, ScheduleEntry> entries = new HashMap<>();
    private final Map<String, MailboxState> mailboxes = new HashMap<>();
    private final Map<String, SequenceView> views = new HashMap<>();
    private boolean countsChanged;
    private long now;

    MailboxStage(SchedulerSettings settings, SchedulerMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** What the task last saw of a sequence, and how far the re-plan after its last change got. */
    public record SequenceSeen(String fingerprint, long enrollments, String replanFrom) {}

    @Override
    public void init(ProcessorContext<String, SchedulerOutput> context) {
        this.context = context;
        entryStore = context.getStateStore(StoreNames.ENTRIES);
        mailboxStore = context.getStateStore(StoreNames.MAILBOXES);
        bySequence = context.getStateStore(StoreNames.BY_SEQUENCE);
        sequencesSeen = context.getStateStore(StoreNames.SEQUENCES_SEEN);
        blocked = context.getStateStore(StoreNames.BLOCKED);
        taskState = context.getStateStore(StoreNames.TASK_STATE);
        templatePeople = context.getStateStore(StoreNames.TEMPLATE_PEOPLE);
        timers = new TimerWheel(context.getStateStore(StoreNames.TIMERS), taskState);
        queue = new CapacityQueue(context.getStateStore(StoreNames.CAPACITY_QUEUE));
        sendLog = new SendLog(context.getStateStore(StoreNames.SEND_LOG), settings.scale());
        reference = ReferenceData.of(context, settings.scale());
        taskId = context.taskId().toString();
        try (KeyValueIterator<String, String> it = taskState.prefixScan(WAITING_PREFIX, KEYS)) {
            it.forEachRemaining(kv -> waitingCounts.put(kv.key.substring(WAITING_PREFIX.length()), Long.parseLong(kv.value)));
        }
        metrics.waiting(taskId, Map.copyOf(waitingCounts));
        context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
        context.schedule(settings.sequenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkSequences);
    }

    @Override
    public void close() {
        metrics.taskClosed(taskId);
    }

    @Override
    public void process(Record<String, MailboxInput> record) {
        if (record.key() == null || record.value() == null) return;
        begin(context.currentSystemTimeMs());
        try {
            MailboxInput input = record.value();
            if (input instanceof MailboxInput.EnrollmentChanged c) enrollmentChanged(record.key(), c);
            else if (input instanceof MailboxInput.EnrollmentRemoved r) enrollmentRemoved(r);
            else if (input instanceof MailboxInput.PersonChanged p) personChanged(p);
            else if (input instanceof MailboxInput.MailboxChanged m) mailboxChanged(record.key(), m.mailbox());
        } finally {
            flush();
        }
    }

    // ---- inputs ----

    private void enrollmentChanged(String mailboxKey, MailboxInput.EnrollmentChanged c) {
        EnrollmentSnapshot s = c.enrollment();
        String key = Keys.of(s.orgId(), s.enrollmentId());
        ScheduleEntry e = entry(key);
        boolean fresh = e == null;
        if (fresh) {
            e = new ScheduleEntry();
            e.mailboxKey = mailboxKey;
            entries.put(key, e);
        }
        e.enrollment = s;
        e.generation = c.generation();
        setTemplatePerson(key, c.person());
        index(key, e);
        reconcile(key, e);
        if (fresh && c.generation() > 0 && e.status == null) {
            // it came from another mailbox, which left its status as it was: this one now owns it
            publish(key, e, null);
        }
    }

    private void enrollmentRemoved(MailboxInput.EnrollmentRemoved r) {
        ScheduleEntry e = entry(r.enrollmentKey());
        if (e != null) forget(r.enrollmentKey(), e, !r.moved(), r.moved() ? null : r.at());
    }

    private void personChanged(MailboxInput.PersonChanged p) {
        ScheduleEntry e = entry(p.enrollmentKey());
        if (e == null) return;
        setTemplatePerson(p.enrollmentKey(), p.person());
        if (e.phase == Phase.BLOCKED) tryUnblock(p.enrollmentKey(), e, BlockCheck.Cause.PERSON);
    }

    private void mailboxChanged(String mailboxKey, MailboxSettings settings) {
        MailboxState m = mailbox(mailboxKey);
        m.settings = settings.withRevision(m.settings.revision() + 1);
        drain(mailboxKey, null); // the limits may allow more now
        List<String> blockedHere = new ArrayList<>();
        try (KeyValueIterator<String, String> it = blocked.prefixScan(Keyspace.start(mailboxKey), KEYS)) {
            it.forEachRemaining(kv -> blockedHere.add(Keys.of(Keys.orgOf(mailboxKey), kv.key.substring(mailboxKey.length() + 1))));
        }
        for (String key : blockedHere) {
            ScheduleEntry e = entry(key);
            if (e != null && e.phase == Phase.BLOCKED) tryUnblock(key, e, BlockCheck.Cause.MAILBOX);
        }
    }

    // ---- deciding ----

    /** Brings the entry in line with the enrollment as enrollment-service last wrote it. */
    private void reconcile(String key, ScheduleEntry e) {
        EnrollmentSnapshot s = e.enrollment;
        EnrollmentPlan plan = EnrollmentPlan.of(s, e.lastDispatch, e.phase == Phase.AWAITING_OUTCOME, e.generation);
        if (plan instanceof EnrollmentPlan.Forget) {
            forget(key, e, true, s.updatedAt());
        } else if (plan instanceof EnrollmentPlan.InFlight) {
            leave(e, null);
            e.phase = Phase.IN_FLIGHT;
            e.retryInputs = null;
            setStatus(key, e, null);
        } else if (plan instanceof EnrollmentPlan.Paused p) {
            leave(e, s.updatedAt()); // a step dispatched meanwhile found it paused: nothing went out
            e.phase = Phase.PAUSED;
            setStatus(key, e, null);
            Long resumeAt = p.resumeAt() == null ? null : p.resumeAt().toEpochMilli();
            if (resumeAt != null && !resumeAt.equals(e.resumeSentFor) && !resumeAt.equals(e.resumeTimerFor)) {
                e.resumeTimerKey = timers.add(resumeAt, now, TimerWheel.RESUME, key);
                e.resumeTimerFor = resumeAt;
            }
        } else if (plan instanceof EnrollmentPlan.Blocked b) {
            if (e.placement != null && e.placement.retry() && isPlaced(e.phase)) return; // our retry is on its way
            leave(e, s.updatedAt()); // blocked at dispatch: no email went out
            e.phase = Phase.BLOCKED;
            setStatus(key, e, null);
            blocked.put(blockedKey(e), b.reason());
            tryUnblock(key, e, BlockCheck.Cause.ENROLLMENT);
        } else if (plan instanceof EnrollmentPlan.Schedule sc) {
            if (!isPlaced(e.phase)) leave(e, null); // the last dispatch completed (or never answered for this step)
            e.retryInputs = null;
            place(key, e, sc.stepIndex(), sc.attempt(), false);
        }
        // AwaitOutcome: an update older than the answer to our dispatch; wait for that answer
    }

    /**
     * Puts step {@code step} (try {@code attempt}) where it belongs now: held (sequence paused), on a
     * timer (not due, or window closed), out (a due task), or in the capacity queue (a due email).
     */
    private void place(String key, ScheduleEntry e, int step, int attempt, boolean retry) {
        EnrollmentSnapshot s = e.enrollment;
        SequenceView sequence = view(s);
        if (sequence == null || sequence.step(step).isEmpty()) {
            unplace(e);
            e.phase = sequence == null ? Phase.UNRESOLVED : Phase.DONE;
            setStatus(key, e, null);
            return;
        }
        SequenceStep definition = sequence.step(step).get();
        long due = sequence.timing().dueAt(s.waitsFrom(), definition.waitDays()).toEpochMilli();
        boolean same = e.placement != null && e.placement.sameStep(step, attempt, due);
        // lateness counts from when the scheduler could know: not before it placed the step (again, after a hold)
        long notBefore = same && e.phase != Phase.HELD ? e.placement.notBefore() : now;
        if (sequence.paused()) {
            if (same && e.phase == Phase.HELD) return;
            unplace(e);
            e.placement = new ScheduleEntry.Placement(step, attempt, definition.kind(), due, notBefore, due, retry, null, null);
            e.phase = Phase.HELD;
            setStatus(key, e, new ScheduleEntry.Status(step, null, WaitReason.SEQUENCE_PAUSED.name()));
            return;
        }
        long allowed = sequence.timing().earliestSendableAt(Instant.ofEpochMilli(Math.max(due, notBefore))).toEpochMilli();
        long wake = due > now ? allowed : sequence.timing().earliestSendableAt(Instant.ofEpochMilli(now)).toEpochMilli();
        if (wake > now) {
            if (same && e.phase == Phase.SCHEDULED && e.placement.timerKey() != null
                    && TimerWheel.timeOf(e.placement.timerKey()) == wake) {
                return;
            }
            unplace(e);
            String timer = timers.add(wake, now, TimerWheel.STEP, key);
            e.placement = new ScheduleEntry.Placement(step, attempt, definition.kind(), due, notBefore, allowed, retry, timer, null);
            e.phase = Phase.SCHEDULED;
            WaitReason reason = due > now ? WaitReason.DUE_TIME : WaitReason.WINDOW;
            setStatus(key, e, new ScheduleEntry.Status(step, wake, reason.name()));
            return;
        }
        if (same && e.phase == Phase.WAITING_CAPACITY) return;
        unplace(e);
        e.placement = new ScheduleEntry.Placement(step, attempt, definition.kind(), due, notBefore, allowed, retry, null, null);
        if (!definition.kind().usesMailboxCapacity()) {
            dispatch(key, e, allowed);
            return;
        }
        MailboxState m = mailbox(e.mailboxKey);
        e.placement = e.placement.inQueue(queue.add(m, e.mailboxKey, due, s.enrollmentId(), key));
        e.phase = Phase.WAITING_CAPACITY;
        drain(e.mailboxKey, null);
        if (e.phase == Phase.WAITING_CAPACITY) {
            Instant free = sendLog.nextFreeAt(m, e.mailboxKey, now, m.settings.limits());
            long freeInWindow = sequence.timing().earliestSendableAt(free).toEpochMilli();
            setStatus(key, e, new ScheduleEntry.Status(step, freeInWindow, WaitReason.MAILBOX_CAPACITY.name()));
        }
    }

    /**
     * Sends the due emails at the head of the mailbox's queue while it has capacity (FIFO); a step
     * whose sequence was paused or whose window closed meanwhile leaves the queue (held, or back on a
     * timer) and does not hold up the others. When capacity runs out, a timer wakes the mailbox
     * when it frees.
     *
     * @param wokenAt the capacity wake-up that started this drain, if one did (for the lateness metric)
     */
    private void drain(String mailboxKey, Long wokenAt) {
        MailboxState m = mailbox(mailboxKey);
        MailboxLimits limits = m.settings.limits();
        int budget = settings.maxFiresPerTick();
        while (m.queueSize > 0 && budget > 0) {
            if (!hasCapacity(mailboxKey, m, limits)) return; // O(1) when full: the queue is not even read
            List<KeyValue<String, String>> chunk = queue.head(m, mailboxKey, Math.min(DRAIN_CHUNK, budget));
            if (chunk.isEmpty()) return;
            for (KeyValue<String, String> kv : chunk) {
                budget--;
                ScheduleEntry e = entry(kv.value);
                if (e == null || e.phase != Phase.WAITING_CAPACITY || e.placement == null || !kv.key.equals(e.placement.queueKey())) {
                    queue.take(m, kv.key); // stale: the enrollment moved on
                    continue;
                }
                SequenceView sequence = view(e.enrollment);
                if (sequence == null || sequence.paused() || !sequence.timing().allows(Instant.ofEpochMilli(now))) {
                    queue.take(m, kv.key); // held by its own sequence: not in the way of the others
                    ScheduleEntry.Placement p = e.placement;
                    e.placement = p.withTimer(null);
                    e.phase = Phase.NEW;
                    place(kv.value, e, p.stepIndex(), p.attempt(), p.retry());
                    continue;
                }
                if (!hasCapacity(mailboxKey, m, limits)) return;
                queue.take(m, kv.key);
                dispatch(kv.value, e, Math.max(e.placement.allowedAt(), wokenAt == null ? 0 : wokenAt));
            }
        }
        if (m.queueSize > 0 && budget == 0) wakeAt(mailboxKey, m, now); // the rest at the next tick
    }

    /** Whether one more email fits now; if not, the mailbox wakes up when it does. */
    private boolean hasCapacity(String mailboxKey, MailboxState m, MailboxLimits limits) {
        long free = sendLog.nextFreeAt(m, mailboxKey, now, limits).toEpochMilli();
        if (free <= now) return true;
        wakeAt(mailboxKey, m, free);
        return false;
    }

    private void wakeAt(String mailboxKey, MailboxState m, long at) {
        if (m.wakeAt != null && m.wakeAt == at) return;
        m.wakeAt = at;
        timers.add(at, now, TimerWheel.MAILBOX, mailboxKey);
    }

    /** Sends {@code DispatchStep} for the placed step; an email takes a slot of the mailbox's rolling day. */
    private void dispatch(String key, ScheduleEntry e, long allowedAt) {
        ScheduleEntry.Placement p = e.placement;
        EnrollmentSnapshot s = e.enrollment;
        emit(Keys.of(s.orgId(), s.personId()), new SchedulerOutput.Command(Commands.dispatch(s, p.stepIndex(), p.attempt(), now)));
        e.lastSendKey = null;
        if (p.kind().usesMailboxCapacity()) {
            e.lastSendKey = sendLog.record(mailbox(e.mailboxKey), e.mailboxKey, now,
                    s.enrollmentId() + Keyspace.SEP + p.stepIndex() + Keyspace.SEP + p.attempt());
        }
        e.lastDispatch = new Dispatch(p.stepIndex(), p.attempt(), now, p.retry());
        e.placement = null;
        e.phase = Phase.AWAITING_OUTCOME;
        setStatus(key, e, null);
        metrics.dispatched(p.kind(), Duration.ofMillis(Math.max(0, now - allowedAt)));
    }

    /** Tries the blocked step again (next attempt) if the cause is fixed and changed since the last retry. */
    private void tryUnblock(String key, ScheduleEntry e, BlockCheck.Cause cause) {
        EnrollmentSnapshot s = e.enrollment;
        String reason = s.blockReason();
        SequenceView sequence = view(s);
        SequenceStep step = sequence == null ? null : sequence.step(s.nextStepIndex()).orElse(null);
        MailboxSettings mailbox = mailbox(e.mailboxKey).settings;
        Map<String, Object> person = templatePerson(key);
        if (!BlockCheck.isFixed(reason, cause, mailbox, step, person)) return;
        String inputs = BlockCheck.inputs(reason, mailbox, step, person);
        if (inputs.equals(e.retryInputs)) return; // that retry was blocked again: wait for something to change
        e.retryInputs = inputs;
        blocked.delete(blockedKey(e));
        place(key, e, s.nextStepIndex(), EnrollmentPlan.nextAttempt(e.lastDispatch, s.nextStepIndex(), e.generation), true);
    }

    /**
     * Leaves the current phase. {@code noEmailAnsweredAt}: enrollment-service wrote, at that instant, a
     * state showing that no email went out (blocked, paused, ended); if that is the answer to the pending
     * dispatch (written at or after it, not an older update), the dispatch's slot of the rolling day is
     * given back. Null: keep the slot.
     */
    private void leave(ScheduleEntry e, Instant noEmailAnsweredAt) {
        if (noEmailAnsweredAt != null && e.phase == Phase.AWAITING_OUTCOME && e.lastDispatch != null
                && noEmailAnsweredAt.toEpochMilli() >= e.lastDispatch.at()) {
            refund(e);
        }
        if (e.phase == Phase.BLOCKED) blocked.delete(blockedKey(e));
        unplace(e);
    }

    /** Drops the placement; its timer or queue entry is left to expire (lazy deletion). */
    private void unplace(ScheduleEntry e) {
        e.placement = null;
    }

    private void refund(ScheduleEntry e) {
        if (e.lastSendKey == null) return;
        MailboxState m = mailbox(e.mailboxKey);
        String sendKey = e.lastSendKey;
        e.lastSendKey = null;
        if (sendLog.refund(m, e.mailboxKey, sendKey)) drain(e.mailboxKey, null);
    }

    private void forget(String key, ScheduleEntry e, boolean publish, Instant noEmailAnsweredAt) {
        leave(e, noEmailAnsweredAt);
        if (e.indexed) unindex(key, e);
        setStatus(key, e, null, publish);
        entries.put(key, null);
        templatePeople.delete(key);
    }

    /** The person's template fields of a blocked enrollment (null: none); kept apart from the entry, in memory. */
    private Map<String, Object> templatePerson(String key) {
        TemplatePerson person = templatePeople.get(key);
        return person == null ? null : person.fields();
    }

    private void setTemplatePerson(String key, Map<String, Object> fields) {
        if (fields == null) templatePeople.delete(key);
        else templatePeople.put(key, new TemplatePerson(fields));
    }

    // ---- punctuations ----

    private void tick(long wallClock) {
        begin(wallClock);
        long started = System.nanoTime();
        try {
            int left = settings.maxFiresPerTick();
            while (left > 0) {
                int chunk = Math.min(FIRE_CHUNK, left);
                List<TimerWheel.Timer> due = timers.takeDue(now, chunk);
                due.forEach(this::fire);
                left -= due.size();
                // One tick runs inside one exactly-once transaction: stop once it has worked for the budget,
                // far inside the producer's transaction timeout (10 s), or a large backlog gets the task fenced
                // and restored over and over (measured: a 10,000-fire tick at 1,000,000 steps, every ~70 s).
                if (due.size() < chunk || System.nanoTime() - started > TICK_WORK_BUDGET_NANOS) break;
            }
        } finally {
            flush();
        }
    }

    private void fire(TimerWheel.Timer t) {
        switch (t.kind()) {
            case TimerWheel.STEP -> stepTimer(t);
            case TimerWheel.RESUME -> resumeTimer(t);
            case TimerWheel.MAILBOX -> {
                MailboxState m = mailbox(t.id());
                if (m.wakeAt != null && m.wakeAt == t.at()) m.wakeAt = null;
                drain(t.id(), t.at());
            }
            default -> { }
        }
    }

    private void stepTimer(TimerWheel.Timer t) {
        ScheduleEntry e = entry(t.id());
        if (e == null || e.phase != Phase.SCHEDULED || e.placement == null || !t.key().equals(e.placement.timerKey())) return;
        ScheduleEntry.Placement p = e.placement;
        e.placement = p.withTimer(null);
        place(t.id(), e, p.stepIndex(), p.attempt(), p.retry());
    }

    private void resumeTimer(TimerWheel.Timer t) {
        ScheduleEntry e = entry(t.id());
        if (e == null || !t.key().equals(e.resumeTimerKey)) return;
        e.resumeTimerKey = null;
        EnrollmentSnapshot s = e.enrollment;
        if (e.phase != Phase.PAUSED || !EnrollmentSnapshot.OUT_OF_OFFICE.equals(s.pauseReason()) || s.resumeAt() == null) return;
        emit(Keys.of(s.orgId(), s.personId()), new SchedulerOutput.Command(Commands.resume(s, now)));
        e.resumeSentFor = s.resumeAt().toEpochMilli();
    }

    /**
     * Compares each sequence the task follows with the global stores; when one changed (paused,
     * resumed, new window, new version), re-plans its enrollments here, at most
     * {@code maxReplansPerCheck} per run (the rest at the next run).
     */
    private void checkSequences(long wallClock) {
        begin(wallClock);
        try {
            List<KeyValue<String, SequenceSeen>> seen = new ArrayList<>();
            try (KeyValueIterator<String, SequenceSeen> it = sequencesSeen.all()) {
                it.forEachRemaining(seen::add);
            }
            int budget = settings.maxReplansPerCheck();
            for (KeyValue<String, SequenceSeen> kv : seen) {
                SequenceSeen s = kv.value;
                String fingerprint = reference.fingerprint(kv.key);
                if (!fingerprint.equals(s.fingerprint())) {
                    s = new SequenceSeen(fingerprint, s.enrollments(), Keyspace.start(kv.key));
                    views.clear();
                }
                if (s.replanFrom() != null && budget > 0) {
                    List<String> keys = new ArrayList<>();
                    try (KeyValueIterator<String, String> it = bySequence.range(s.replanFrom(), Keyspace.end(kv.key))) {
                        while (keys.size() < budget && it.hasNext()) keys.add(it.next().key);
                    }
                    budget -= keys.size();
                    for (String indexKey : keys) replan(indexKey.substring(kv.key.length() + 1));
                    boolean more = keys.size() > 0 && budget == 0;
                    s = new SequenceSeen(s.fingerprint(), s.enrollments(), more ? keys.get(keys.size() - 1) + '\u0000' : null);
                }
                if (!s.equals(kv.value)) sequencesSeen.put(kv.key, s);
            }
        } finally {
            flush();
        }
    }

    private void replan(String key) {
        ScheduleEntry e = entry(key);
        if (e == null) return;
        switch (e.phase) {
            case SCHEDULED, WAITING_CAPACITY, HELD -> {
                ScheduleEntry.Placement p = e.placement;
                if (p != null) place(key, e, p.stepIndex(), p.attempt(), p.retry());
                else reconcile(key, e);
            }
            case UNRESOLVED, DONE, NEW -> reconcile(key, e);
            case BLOCKED -> tryUnblock(key, e, BlockCheck.Cause.SEQUENCE);
            default -> { }
        }
    }

    // ---- status ----

    private void setStatus(String key, ScheduleEntry e, ScheduleEntry.Status status) {
        setStatus(key, e, status, true);
    }

    /** Counts the new status and publishes it (only when it changed). */
    private void setStatus(String key, ScheduleEntry e, ScheduleEntry.Status status, boolean publish) {
        if (Objects.equals(e.status, status)) return;
        MailboxState m = mailbox(e.mailboxKey);
        if (e.status != null) count(m, e.status.waitingFor(), -1);
        if (status != null) count(m, status.waitingFor(), +1);
        e.status = status;
        if (publish) publish(key, e, status);
    }

    private void publish(String key, ScheduleEntry e, ScheduleEntry.Status status) {
        ScheduleStatusRecord record = status == null ? null : ScheduleStatusRecord.newBuilder()
                .setOrgId(e.enrollment.orgId())
                .setEnrollmentId(e.enrollment.enrollmentId())
                .setStepIndex(status.stepIndex())
                .setNextStepDueAt(status.dueAt() == null ? null : Instant.ofEpochMilli(status.dueAt()))
                .setWaitingFor(status.waitingFor())
                .setUpdatedAt(Instant.ofEpochMilli(now))
                .build();
        emit(key, new SchedulerOutput.Status(record));
    }

    private void count(MailboxState m, String reason, long delta) {
        m.waiting.merge(reason, delta, Long::sum);
        if (m.waiting.get(reason) <= 0) m.waiting.remove(reason);
        waitingCounts.merge(reason, delta, Long::sum);
        countsChanged = true;
    }

    // ---- indexes and caches ----

    private void index(String key, ScheduleEntry e) {
        if (e.indexed) return;
        String sequenceKey = ReferenceData.sequenceKey(e.enrollment.orgId(), e.enrollment.sequenceId());
        bySequence.put(sequenceKey + Keyspace.SEP + key, "");
        SequenceSeen s = sequencesSeen.get(sequenceKey);
        sequencesSeen.put(sequenceKey, s == null ? new SequenceSeen(reference.fingerprint(sequenceKey), 1, null)
                : new SequenceSeen(s.fingerprint(), s.enrollments() + 1, s.replanFrom()));
        e.indexed = true;
    }

    private void unindex(String key, ScheduleEntry e) {
        String sequenceKey = ReferenceData.sequenceKey(e.enrollment.orgId(), e.enrollment.sequenceId());
        bySequence.delete(sequenceKey + Keyspace.SEP + key);
        SequenceSeen s = sequencesSeen.get(sequenceKey);
        if (s == null || s.enrollments() <= 1) sequencesSeen.delete(sequenceKey);
        else sequencesSeen.put(sequenceKey, new SequenceSeen(s.fingerprint(), s.enrollments() - 1, s.replanFrom()));
        e.indexed = false;
    }

    private static String blockedKey(ScheduleEntry e) {
        return e.mailboxKey + Keyspace.SEP + e.enrollment.enrollmentId();
    }

    private static boolean isPlaced(Phase phase) {
        return phase == Phase.SCHEDULED || phase == Phase.WAITING_CAPACITY || phase == Phase.HELD;
    }

    private SequenceView view(EnrollmentSnapshot s) {
        String key = s.orgId() + Keyspace.SEP + s.sequenceId() + Keyspace.SEP + s.sequenceVersion();
        if (views.containsKey(key)) return views.get(key);
        SequenceView v = reference.view(s.orgId(), s.sequenceId(), s.sequenceVersion());
        views.put(key, v);
        return v;
    }

    private ScheduleEntry entry(String key) {
        if (entries.containsKey(key)) return entries.get(key);
        ScheduleEntry e = entryStore.get(key);
        if (e != null) entries.put(key, e);
        return e;
    }

    private MailboxState mailbox(String mailboxKey) {
        return mailboxes.computeIfAbsent(mailboxKey, k -> {
            MailboxState m = mailboxStore.get(k);
            return m == null ? new MailboxState() : m;
        });
    }

    private void begin(long wallClock) {
        now = wallClock;
        entries.clear();
        mailboxes.clear();
        views.clear();
        countsChanged = false;
    }

    private void flush() {
        entries.forEach((k, e) -> {
            if (e == null) entryStore.delete(k);
            else entryStore.put(k, e);
        });
        mailboxes.forEach(mailboxStore::put);
        if (countsChanged) {
            waitingCounts.values().removeIf(v -> v <= 0);
            try (KeyValueIterator<String, String> it = taskState.prefixScan(WAITING_PREFIX, KEYS)) {
                List<String> stale = new ArrayList<>();
                it.forEachRemaining(kv -> stale.add(kv.key));
                stale.forEach(taskState::delete);
            }
            waitingCounts.forEach((reason, n) -> taskState.put(WAITING_PREFIX + reason, Long.toString(n)));
            metrics.waiting(taskId, Map.copyOf(waitingCounts));
        }
        entries.clear();
        mailboxes.clear();
    }

    private void emit(String key, SchedulerOutput value) {
        context.forward(new Record<>(key, value, now));
    }

    static StepKind kindOf(ScheduleEntry e) {
        return e.placement == null ? null : e.placement.kind();
    }
}
