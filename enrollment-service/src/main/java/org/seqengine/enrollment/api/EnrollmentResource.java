package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.enrollment.api.dto.CancelResult;
import org.seqengine.enrollment.api.dto.CreateEnrollmentRequest;
import org.seqengine.enrollment.api.dto.EnrollmentPage;
import org.seqengine.enrollment.api.dto.EnrollmentView;
import org.seqengine.enrollment.api.dto.ReplyBody;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.PersonalValues;
import org.seqengine.enrollment.streams.EnrollmentIndexKeys;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;
import org.seqengine.service.validation.Ids;

/** The enrollment API: the seed's {@code POST /enrollments}, reads, and lifecycle commands. */
@Path("/sequences/v1/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** How far ahead of this clock a client's received_at may be. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    Caller caller;

    @Inject
    CommandResults commands;

    @Inject
    EnrollmentQueries queries;

    @Inject
    PersonalValues personal;

    @POST
    @APIResponse(responseCode = "201", description = "The enrollment was created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentView.class)))
    public Response create(@NotNull @Valid CreateEnrollmentRequest body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        String orgId = caller.orgId();
        CommandMeta meta = CommandResults.meta(caller, body.personId(), "enroll", idempotencyKey, null);
        CommandReplyRecord reply = commands.execute(new EnrollmentCommand.Enroll(meta, body.sequenceId(), body.mailboxEmails()));
        // an accepted Enroll, first or repeated (even after its outcome expired), names the enrollment it created
        String enrollmentId = reply.getEnrollmentIds().stream().findFirst()
                .orElseThrow(() -> ApiException.unavailable("The enrollment outcome is not known; retry with the same Idempotency-Key."));
        Enrollment created = queries.enrollmentOf(orgId, body.personId(), enrollmentId)
                .orElseThrow(() -> ApiException.unavailable("The enrollment was created but is not readable yet; retry the read."));
        return Response.status(201).entity(queries.view(created)).build();
    }

    @GET
    @Path("/{id}")
    public EnrollmentView get(@PathParam("id") String id) {
        return queries.view(find(id));
    }

    @GET
    public EnrollmentPage list(@QueryParam("person_id") String personId, @QueryParam("sequence_id") String sequenceId,
                                    @QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") String limitParam) {
        int limit = Paging.limit(limitParam);
        String statusName = StatusParam.indexName(status);
        String orgId = caller.orgId();
        List<Enrollment> page;
        if (personId != null) {
            // A person's enrollments are few and live in their state: filter there, current to the last command.
            page = queries.personState(orgId, personId).enrollments().stream()
                    .filter(e -> cursor == null || e.id().compareTo(cursor) > 0)
                    .filter(e -> sequenceId == null || sequenceId.equals(e.sequenceId()))
                    .filter(e -> statusName == null || e.status().name().equals(statusName) || e.displayStatus().name().equals(statusName))
                    .sorted(java.util.Comparator.comparing(Enrollment::id)).limit(limit + 1L).toList();
        } else if (sequenceId != null && !sequenceId.contains("/")) {
            page = queries.page(statusName == null ? EnrollmentIndexKeys.bySequence(orgId, sequenceId)
                    : EnrollmentIndexKeys.bySequenceAndStatus(orgId, sequenceId, statusName), cursor, limit);
        } else if (sequenceId != null) {
            page = List.of();
        } else {
            page = queries.page(statusName == null ? EnrollmentIndexKeys.all(orgId) : EnrollmentIndexKeys.byStatus(orgId, statusName),
                    cursor, limit);
        }
        return EnrollmentPages.of(queries, orgId, page, limit);
    }

    @POST
    @Path("/{id}/unenroll")
    public EnrollmentView unenroll(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return lifecycle(id, "unenroll", idempotencyKey, meta -> new EnrollmentCommand.Unenroll(meta, id));
    }

    @POST
    @Path("/{id}/pause")
    public EnrollmentView pause(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return lifecycle(id, "pause", idempotencyKey, meta -> new EnrollmentCommand.Pause(meta, id));
    }

    @POST
    @Path("/{id}/resume")
    public EnrollmentView resume(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return lifecycle(id, "resume", idempotencyKey, meta -> new EnrollmentCommand.Resume(meta, id));
    }

    /**
     * Records a reply seen elsewhere (see {@link ReplyBody}); the reply's id is the command's, so a
     * retry with the same Idempotency-Key records it once.
     */
    @POST
    @Path("/{id}/replies")
    public EnrollmentView reply(@PathParam("id") String id, @NotNull @Valid ReplyBody body,
                                @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (body.receivedAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ApiException.badRequest(FieldError.of("out_of_range", "received_at must not be in the future.", "received_at"));
        }
        return lifecycle(id, "reply", idempotencyKey, meta -> {
            EnrollmentCommand.RecordReply reply = new EnrollmentCommand.RecordReply(meta, id, meta.commandId(),
                    body.subject(), ReplyClassification.valueOf(body.classification()),
                    body.receivedAt().truncatedTo(ChronoUnit.MILLIS), body.returnDate(),
                    Boolean.TRUE.equals(body.optOutRequested()));
            // the command log is append-only: the subject travels sealed with the person's key; a person
            // without a key yet gets one from the decider, which seals the clear subject on arrival
            return personal.seal(meta.orgId(), meta.personId(), "subject", body.subject()).map(reply::sealed).orElse(reply);
        });
    }

    /** The hosted API's cancel: unenrolls, answering only that the cancel took effect. */
    @DELETE
    @Path("/{id}")
    public CancelResult cancel(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        lifecycle(id, "unenroll", idempotencyKey, meta -> new EnrollmentCommand.Unenroll(meta, id));
        return new CancelResult(id, true);
    }

    private EnrollmentView lifecycle(String id, String operation, String idempotencyKey,
                                     Function<CommandMeta, EnrollmentCommand> command) {
        Enrollment target = find(id);
        commands.execute(command.apply(CommandResults.meta(caller, target.personId(), operation + "/" + id,
                idempotencyKey, null)));
        // Read back through the person's state: it holds the command's effect as soon as the outcome arrived.
        PersonState state = queries.personState(caller.orgId(), target.personId());
        return queries.view(state.enrollment(id).orElse(target), state);
    }

    private Enrollment find(String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.notFound("Enrollment not found.");
        }
        return queries.enrollment(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Enrollment not found."));
    }
}
