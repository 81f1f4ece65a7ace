package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.enrollment.api.dto.UpgradeJobView;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.service.auth.Caller;

/**
 * Move a sequence's active enrollments, queued and started, to its latest version (seed 001: "upgrade
 * all enrollments, active and queued, to the new version"), each keeping its step position; one that
 * is past the new version's last step completes (a job; poll {@code GET /upgrade-jobs/{id}}).
 */
@Path("/sequences/v1/sequences/{id}/upgrade-enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class UpgradeEnrollmentsResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @Inject
    UnenrollJobs jobs;

    @POST
    @APIResponse(responseCode = "202", description = "The upgrade job was accepted; poll it for progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpgradeJobView.class)))
    public Response upgrade(@PathParam("id") String id,
                            @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) @Size(max = 255) String idempotencyKey) {
        SequenceRecord sequence = records.find(GlobalTable.SEQUENCES, id); // 404 for unknown and other organizations' ones
        return Response.status(202).entity(UpgradeJobView.of(
                jobs.upgrade(caller.orgId(), id, sequence.getVersion(), idempotencyKey))).build();
    }
}
