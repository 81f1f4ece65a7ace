package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.OptOutBody;
import org.seqengine.enrollment.api.dto.PersonBody;
import org.seqengine.enrollment.api.error.ApiException;
import org.seqengine.enrollment.api.error.FieldError;
import org.seqengine.enrollment.api.error.RequestChecks;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.DecisionContext;
import org.seqengine.enrollment.domain.EnrollChecks;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.OptOutSource;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.Rejection;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.CommandReplyRecord;

/** People: upsert, unenroll from everything, opt-out and its reversal, and the eligibility dry run. */
@Path("/sequences/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @Inject
    CommandResults commands;

    @Inject
    EnrollmentQueries queries;

    /** The person as upserted, plus whether they opted out in this system (and when). */
    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        Map<String, Object> person = records.read(GlobalTable.PEOPLE, id);
        PersonState state = queries.personState(caller.orgId(), id);
        person.put("is_opted_out", state.optedOut() || Boolean.TRUE.equals(person.get("email_opt_out")));
        person.put("opted_out_at", state.optedOutAt());
        person.put("opt_out_source", state.optOutSource() == null ? null : state.optOutSource().name());
        return person;
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> put(@PathParam("id") String id, PersonBody body) {
        return records.write(GlobalTable.PEOPLE, id, ReferenceBodies.person(caller.orgId(), id, body));
    }

    @POST
    @Path("/{id}/unenroll")
    public Map<String, Object> unenroll(@PathParam("id") String id, @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String key) {
        requirePerson(id);
        CommandReplyRecord reply = commands.execute(new EnrollmentCommand.UnenrollPerson(meta(id, "unenroll-person", key, null)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("person_id", id);
        result.put("unenrolled", views(id, reply.getEnrollmentIds()));
        return result;
    }

    @POST
    @Path("/{id}/opt-out")
    public Map<String, Object> optOut(@PathParam("id") String id, OptOutBody body,
                                      @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String key) {
        requirePerson(id);
        OptOutSource source = OptOutSource.API;
        if (body != null && body.source() != null) {
            try {
                source = OptOutSource.valueOf(body.source().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(FieldError.of("invalid_enum",
                        "source must be one of LINK, ADMIN, CRM, REPLY, API.", "source"));
            }
        }
        CommandReplyRecord reply = commands.execute(new EnrollmentCommand.OptOut(meta(id, "opt-out", key, body == null ? null : body.reason()), source));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("person_id", id);
        result.put("is_opted_out", true);
        result.put("ended_enrollments", views(id, reply.getEnrollmentIds()));
        return result;
    }

    @DELETE
    @Path("/{id}/opt-out")
    public Map<String, Object> clearOptOut(@PathParam("id") String id, OptOutBody body,
                                           @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String key) {
        requirePerson(id);
        RequestChecks checks = RequestChecks.start();
        if (checks.body(body)) checks.required(body.permissionNote(), "permission_note");
        checks.orThrow();
        commands.execute(new EnrollmentCommand.ClearOptOut(meta(id, "clear-opt-out", key, body.reason()), body.permissionNote()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("person_id", id);
        result.put("is_opted_out", false);
        result.put("permission_note", body.permissionNote());
        return result;
    }

    /**
     * Every failing check, not only the first: what would stop this person from entering the
     * sequence now. With {@code mailbox_emails} (comma-separated) the mailbox check runs too.
     */
    @GET
    @Path("/{id}/eligibility")
    public Map<String, Object> eligibility(@PathParam("id") String id, @QueryParam("sequence_id") String sequenceId,
                                           @QueryParam("mailbox_emails") String mailboxEmails) {
        RequestChecks checks = RequestChecks.start().uuid(sequenceId, "sequence_id");
        List<String> candidates = mailboxEmails == null ? null
                : java.util.Arrays.stream(mailboxEmails.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
        if (candidates != null) {
            checks.size(candidates, 1, 10, "mailbox_emails");
        }
        checks.orThrow();
        requirePerson(id);
        ReferenceData reference = queries.reference(caller.orgId());
        if (reference.sequence(sequenceId).isEmpty()) {
            throw ApiException.notFound("Sequence not found.");
        }
        PersonState state = queries.personState(caller.orgId(), id);
        DecisionContext ctx = new DecisionContext(java.time.Instant.now(), reference);
        List<Rejection> reasons = candidates == null ? EnrollChecks.eligibility(sequenceId, state, ctx)
                : EnrollChecks.eligibility(sequenceId, candidates, state, ctx);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("eligible", reasons.isEmpty());
        result.put("reasons", reasons.stream().map(r -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("code", r.code().name());
            reason.put("message", r.message());
            reason.put("level", r.level() == null ? null : r.level().name());
            reason.put("rule_id", r.ruleId());
            if (r.code() == RejectionCode.ALREADY_ENROLLED_ACTIVE) {
                state.active().ifPresent(a -> {
                    reason.put("active_sequence_id", a.sequenceId());
                    reason.put("active_enrollment_id", a.id());
                });
            }
            return reason;
        }).toList());
        return result;
    }

    private CommandMeta meta(String personId, String operation, String idempotencyKey, String reason) {
        return CommandResults.meta(caller.orgId(), personId, operation, idempotencyKey, reason);
    }

    private void requirePerson(String id) {
        if (!RequestChecks.isUuid(id) || queries.reference(caller.orgId()).person(id).isEmpty()) {
            throw ApiException.notFound("Person not found.");
        }
    }

    /** Read back through the person's state: it holds the command's effect as soon as the outcome arrived. */
    private List<Object> views(String personId, List<String> enrollmentIds) {
        PersonState state = queries.personState(caller.orgId(), personId);
        return enrollmentIds.stream()
                .map(eid -> state.enrollment(eid).map(e -> (Object) queries.view(e, state)).orElse(Map.of("id", eid)))
                .toList();
    }
}
