package org.seqengine.enrollment.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.seqengine.enrollment.api.dto.EnrollmentView;
import org.seqengine.enrollment.api.dto.PersonExport;
import org.seqengine.enrollment.api.dto.PersonView;
import org.seqengine.enrollment.api.dto.TaskView;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.Ids;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.schemas.json.AvroJson;
import org.seqengine.schemas.personal.PersonalSeal;
import org.seqengine.enrollment.query.CrmFacts;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.PersonLogs;
import org.seqengine.enrollment.query.PersonalValues;
import org.seqengine.enrollment.query.TaskQueries;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.avro.StepDispatchedEvent;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.service.error.ApiException;

/**
 * A person's export (see {@link PersonExport}): the person record, opt-out and enrollments from the
 * stores (the person's state on whichever instance owns it), the CRM facts from exclusion-evaluator,
 * the events and send requests from their logs (one partition scan each, see {@link PersonLogs}),
 * and the tasks by their ids (derived from the enrollments' steps and the dispatch events). Everything
 * is read by the person's key, so nothing of another person can enter it.
 */
@ApplicationScoped
public class PersonExports {

    @Inject
    EnrollmentQueries queries;

    @Inject
    PersonalValues personal;

    @Inject
    PersonLogs logs;

    @Inject
    CrmFacts crmFacts;

    @Inject
    TaskQueries taskQueries;

    /** 404 when nothing at all is held of the person. */
    public PersonExport export(String orgId, String personId, String apiKey) {
        PersonRecord record = queries.record(GlobalTable.PEOPLE, orgId, personId).orElse(null);
        PersonState state = queries.personState(orgId, personId);
        JsonNode crm = crmFacts.of(personId, apiKey);
        String logKey = Keys.of(orgId, personId);
        List<EventEnvelope> events = logs.read(Topics.EVENTS, logKey).stream()
                .filter(e -> personId.equals(e.getPersonId())).toList();
        List<SendRequestRecord> sendRequests = logs.read(Topics.SEND_REQUESTS, logKey).stream()
                .filter(r -> personId.equals(r.getPersonId())).toList();
        // the key the newest sealed value names: one sealed a moment ago may name a key not consumed here yet
        String keyId = sendRequests.stream().map(SendRequestRecord::getSealed).filter(Objects::nonNull)
                .reduce((first, second) -> second).map(s -> s.getKeyId()).orElse(null);
        PersonKeyRecord key = queries.personKey(orgId, personId, keyId);
        List<TaskView> tasks = tasks(orgId, personId, state, events);

        boolean nothing = record == null && state.enrollments().isEmpty() && !state.optedOut() && state.erasedAt() == null
                && key == null && crm.isEmpty() && events.isEmpty() && sendRequests.isEmpty() && tasks.isEmpty();
        if (nothing) throw ApiException.notFound("Nothing is held of this person.");

        boolean crmOptOut = record != null && record.getEmailOptOut();
        PersonExport.OptOut optOut = new PersonExport.OptOut(state.optedOut() || crmOptOut, state.optedOutAt(),
                state.optOutSource() != null ? state.optOutSource().name() : crmOptOut ? "CRM" : null);
        List<EnrollmentView> enrollments = state.enrollments().stream().map(e -> queries.view(e, state)).toList();
        return new PersonExport(personId, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                record == null ? null : PersonView.of(record, state), optOut, state.erasedAt(), crm, enrollments,
                events.stream().map(e -> (JsonNode) AvroJson.render(e, s -> PersonalSeal.open(key, s))).toList(),
                sendRequests.stream().map(r -> (JsonNode) AvroJson.render(r, s -> PersonalSeal.open(key, s))).toList(),
                tasks);
    }

    /**
     * The person's tasks: a TASK step's task id is derived from its enrollment and step, so each
     * enrollment's steps so far and each TASK dispatch event name them (point reads, no scan).
     */
    private List<TaskView> tasks(String orgId, String personId, PersonState state, List<EventEnvelope> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (Enrollment e : state.enrollments()) {
            int last = Math.max(e.nextStepIndex(), e.dispatchedStepIndex() == null ? 0 : e.dispatchedStepIndex());
            for (int step = 0; step <= last; step++) ids.add(Ids.taskId(e.id(), step));
        }
        for (EventEnvelope e : events) {
            if (e.getPayload() instanceof StepDispatchedEvent d && "TASK".equals(d.getStepType()) && d.getSendRequestId() != null) {
                ids.add(d.getSendRequestId());
            }
        }
        return ids.stream().map(id -> taskQueries.task(orgId, id).orElse(null)).filter(Objects::nonNull)
                .filter(t -> personId.equals(t.getPersonId()))
                .map((TaskRecord t) -> TaskView.of(t, personal.taskBody(t))).toList();
    }
}
