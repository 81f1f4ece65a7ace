package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.RestoreJobRequest;
import org.seqengine.enrollment.api.dto.RestoreJobView;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.enrollment.streams.GlobalTable;

/**
 * Undo an exclusion rule: reopen the enrollments it ended as Excluded since a time, each at the step
 * where it stopped, if its person is eligible now (a job; poll {@code GET /restore-jobs/{id}}).
 */
@Path("/sequences/v1/exclusion-rules/{id}/restore")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RestoreJobResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @Inject
    UnenrollJobs jobs;

    @POST
    @APIResponse(responseCode = "202", description = "The restore job was accepted; poll it for progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RestoreJobView.class)))
    public Response restore(@PathParam("id") String id, @NotNull @Valid RestoreJobRequest body,
                            @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) @Size(max = 255) String idempotencyKey) {
        records.find(GlobalTable.EXCLUSION_RULES, id); // 404 for unknown rules and other organizations' rules
        if (body.since().isAfter(Instant.now())) {
            throw ApiException.badRequest(FieldError.of("out_of_range", "since must not be in the future.", "since"));
        }
        return Response.status(202).entity(RestoreJobView.of(jobs.restore(caller.orgId(), id, body.since(), idempotencyKey)))
                .build();
    }
}
