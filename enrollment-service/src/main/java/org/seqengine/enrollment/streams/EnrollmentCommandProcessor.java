package org.seqengine.enrollment.streams;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.domain.CommandOutcome;
import org.seqengine.enrollment.domain.CrmWriteBack;
import org.seqengine.enrollment.domain.Decision;
import org.seqengine.enrollment.domain.DecisionContext;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.EnrollmentDecider;
import org.seqengine.enrollment.domain.EnrollmentEvent;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.StepOutput;
import org.seqengine.enrollment.domain.StepOutputs;
import org.seqengine.enrollment.domain.company.LedgerEntries;
import org.seqengine.enrollment.domain.company.LedgerEntry;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.mapping.CompanyLedgerMapper;
import org.seqengine.enrollment.mapping.CrmWriteBackMapper;
import org.seqengine.enrollment.mapping.EventMapper;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.enrollment.mapping.StepOutputMapper;
import org.seqengine.scheduler.domain.TimeScale;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandOutcomeRecord;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.schemas.personal.SuppressionKeys;

/**
 * The thin adapter around {@link EnrollmentDecider}: load the person's state, decide, evolve, then
 * write the events, the CRM write-backs of its opt-outs ({@link CrmWriteBack}), the send requests
 * and tasks of its steps ({@link StepOutputs}), the changed enrollments, the new state and the
 * command's reply. Under
 * exactly_once_v2 all of it commits atomically with the command's offset.
 *
 * <p>Idempotency: the first outcome of every command id (also a no-op) is remembered in the
 * {@link StoreNames#COMMAND_OUTCOMES} window store, keyed {@code org/person/command_id} at the task's
 * stream time; segments older than the retention are dropped by the store itself.
 */
final class EnrollmentCommandProcessor implements Processor<String, CommandEnvelope, String, Object> {

    private static final Logger LOG = Logger.getLogger(EnrollmentCommandProcessor.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, PersonStateRecord> personStates;
    private KeyValueStore<String, EnrollmentRecord> enrollments;
    private WindowStore<String, CommandOutcomeRecord> outcomes;
    private KeyValueStore<String, TaskRecord> openTasks;
    private StoreReferenceData.Stores referenceStores;
    private final MailboxEmailIndex mailboxIndex = new MailboxEmailIndex();
    private final TimeScale timeScale;
    private final SuppressionKeys suppressionKeys;
    private PersonalData personalData;

    EnrollmentCommandProcessor(TimeScale timeScale, SuppressionKeys suppressionKeys) {
        this.timeScale = timeScale;
        this.suppressionKeys = suppressionKeys;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.personStates = context.getStateStore(StoreNames.PERSON_STATES);
        this.enrollments = context.getStateStore(StoreNames.ENROLLMENTS);
        this.outcomes = context.getStateStore(StoreNames.COMMAND_OUTCOMES);
        this.openTasks = context.getStateStore(StoreNames.OPEN_TASKS);
        this.personalData = new PersonalData(context, suppressionKeys);
        this.referenceStores = StoreReferenceData.Stores.from(
                name -> (ReadOnlyKeyValueStore<String, ?>) context.<KeyValueStore<String, Object>>getStateStore(name));
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        EnrollmentCommand command;
        try {
            command = CommandMapper.toDomain(Objects.requireNonNull(record.value(), "null command"));
            String expectedKey = Keys.of(command.meta().orgId(), command.meta().personId());
            if (!expectedKey.equals(record.key())) {
                throw new IllegalArgumentException("key does not match org_id/person_id of the command");
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        String key = record.key();
        PersonStateRecord stored = personStates.get(key);
        PersonState state = stored == null
                ? PersonState.empty(command.meta().orgId(), command.meta().personId())
                : StateMapper.toDomain(stored);

        String outcomeKey = key + "/" + command.meta().commandId();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DecisionContext ctx = new DecisionContext(now,
                new StoreReferenceData(command.meta().orgId(), referenceStores, mailboxIndex, suppressionKeys), timeScale);
        long ts = record.timestamp();
        command = personalData.sealIncoming(command, now, ts);
        Decision decision = EnrollmentDecider.handle(command, state, decidedBefore(outcomeKey), ctx);
        if (decision.awaitingSlot() != null) {
            // neither remembered nor answered: the command comes back from the company ledger with its slot
            tellCompanyLedgers(command, decision, state, state, ctx, ts);
            LOG.debugf("command %s waits for a slot at %s", command.meta().commandId(), decision.awaitingSlot().companyDomain());
            return;
        }
        CommandOutcome outcome = decision.outcome();
        if (decision.duplicate()) {
            DecisionMetrics.duplicate(command);
            tellCompanyLedgers(command, decision, state, state, ctx, ts);
            reply(key, command, outcome, true);
            return;
        }
        outcomes.put(outcomeKey, StateMapper.toAvro(outcome, now), context.currentStreamTimeMs());
        List<EnrollmentEvent> events = decision.events();
        if (events.isEmpty()) {
            DecisionMetrics.unchanged(command);
            tellCompanyLedgers(command, decision, state, state, ctx, ts);
            reply(key, command, outcome, false);
            return;
        }
        PersonState next = EnrollmentDecider.evolveAll(state, events);

        for (EnrollmentEvent event : events) {
            context.forward(new Record<String, Object>(key, EventMapper.toAvro(event), ts), EnrollmentTopology.EVENTS_SINK);
        }
        for (CrmWriteBack writeBack : CrmWriteBack.forEvents(events, ctx.reference())) {
            context.forward(new Record<String, Object>(key, CrmWriteBackMapper.toAvro(writeBack), ts),
                    EnrollmentTopology.CRM_WRITE_BACK_SINK);
        }
        personalData.keyOnEnrollment(events, state.orgId(), state.personId(), now, ts);
        for (StepOutput output : StepOutputs.forDecision(state, next, events, ctx.reference())) {
            publish(key, output, now, ts);
        }
        if (events.stream().anyMatch(e -> e instanceof EnrollmentEvent.PersonErased)) {
            personalData.erase(state, ctx.reference().person(state.personId()), now, ts);
        }
        for (Enrollment changed : changedEnrollments(state, next)) {
            EnrollmentRecord value = StateMapper.toAvro(changed);
            String enrollmentKey = Keys.of(changed.orgId(), changed.id());
            enrollments.put(enrollmentKey, value);
            context.forward(new Record<String, Object>(enrollmentKey, value, ts), EnrollmentTopology.ENROLLMENTS_SINK);
        }
        tellCompanyLedgers(command, decision, state, next, ctx, ts);
        personStates.put(key, StateMapper.toAvro(next));
        if (outcome.rejections().isEmpty()) {
            DecisionMetrics.applied(command);
        } else {
            DecisionMetrics.rejected(command, outcome.rejections());
        }
        reply(key, command, outcome, false);
        LOG.debugf("command %s (%s) -> %d event(s)", command.meta().commandId(),
                command.getClass().getSimpleName(), events.size());
    }

    /**
     * An email goes to the mailer (keyed by person, like the command); a task is published whole and
     * kept while open, so its completion or cancellation republishes it with the new status.
     */
    private void publish(String personKey, StepOutput output, Instant now, long ts) {
        if (output instanceof StepOutput.SendRequest r) {
            context.forward(new Record<String, Object>(personKey, personalData.sendRequest(r, now, ts), ts),
                    EnrollmentTopology.SEND_REQUESTS_SINK);
        } else if (output instanceof StepOutput.TaskOpened t) {
            String taskKey = Keys.of(t.orgId(), t.taskId());
            TaskRecord task = personalData.task(t, now, ts);
            openTasks.put(taskKey, task);
            context.forward(new Record<String, Object>(taskKey, task, ts), EnrollmentTopology.TASKS_SINK);
        } else if (output instanceof StepOutput.InFlightClosed c) {
            String taskKey = Keys.of(c.orgId(), c.requestId());
            TaskRecord open = openTasks.get(taskKey);
            if (open != null) { // else it was an email: nothing to close
                openTasks.delete(taskKey);
                context.forward(new Record<String, Object>(taskKey, StepOutputMapper.closed(open, c), ts),
                        EnrollmentTopology.TASKS_SINK);
            }
        }
    }

    /** The decision's entries for the company ledgers (see {@link LedgerEntries}), keyed org/company_domain. */
    private void tellCompanyLedgers(EnrollmentCommand command, Decision decision, PersonState before, PersonState after,
                                    DecisionContext ctx, long ts) {
        for (LedgerEntry entry : LedgerEntries.forDecision(command, decision, before, after, ctx.reference(), ctx.now())) {
            context.forward(new Record<String, Object>(Keys.of(entry.orgId(), entry.companyDomain()),
                    CompanyLedgerMapper.toAvro(entry), ts), EnrollmentTopology.COMPANY_LEDGER_SINK);
        }
    }

    /** The remembered first outcome of this command id, if it is still within the retention. */
    private Optional<CommandOutcome> decidedBefore(String outcomeKey) {
        try (WindowStoreIterator<CommandOutcomeRecord> found = outcomes.fetch(outcomeKey, 0L, Long.MAX_VALUE)) {
            return found.hasNext() ? Optional.of(StateMapper.toDomain(found.next().value)) : Optional.empty();
        }
    }

    private static List<Enrollment> changedEnrollments(PersonState before, PersonState after) {
        Map<String, Enrollment> old = new HashMap<>();
        before.enrollments().forEach(e -> old.put(e.id(), e));
        return after.enrollments().stream().filter(e -> !e.equals(old.get(e.id()))).toList();
    }

    private void reply(String key, EnrollmentCommand command, CommandOutcome outcome, boolean duplicate) {
        CommandReplyRecord reply = CommandReplyRecord.newBuilder()
                .setCommandId(command.meta().commandId()).setOrgId(command.meta().orgId())
                .setPersonId(command.meta().personId()).setDuplicate(duplicate)
                .setEnrollmentIds(outcome.enrollmentIds())
                .setRejections(StateMapper.rejectionsToAvro(outcome.rejections()))
                .setActiveSequenceId(outcome.activeSequenceId()).setActiveEnrollmentId(outcome.activeEnrollmentId())
                .build();
        context.forward(new Record<String, Object>(key, reply, context.currentSystemTimeMs()), EnrollmentTopology.REPLIES_SINK);
    }

    private void deadLetter(Record<String, CommandEnvelope> record, Exception error) {
        DecisionMetrics.deadLetter(ProcessorDeadLetters.forward(context, record, EnrollmentTopology.COMMANDS_DLQ_SINK,
                "command", error));
    }

}
