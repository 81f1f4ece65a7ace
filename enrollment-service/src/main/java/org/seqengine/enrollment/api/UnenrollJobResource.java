package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.UnenrollJobRequest;
import org.seqengine.enrollment.api.dto.UnenrollJobView;
import org.seqengine.enrollment.api.error.ApiException;
import org.seqengine.enrollment.api.validation.Ids;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/** Bulk unenroll jobs: by enrollment ids, by sequence, or by company domains; progress by polling. */
@Path("/sequences/v1/unenroll-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnenrollJobResource {

    @Inject
    Caller caller;

    @Inject
    UnenrollJobs jobs;

    @POST
    @APIResponse(responseCode = "202", description = "The job was accepted; poll it for progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnenrollJobView.class)))
    public Response create(@NotNull @Valid UnenrollJobRequest body) {
        UnenrollJobs.Selector selector = body.selector();
        List<String> domains = body.companyDomains() == null ? null
                : body.companyDomains().stream().map(ReferenceBodies::normalizeDomain).filter(d -> d != null).toList();
        UnenrollJobRecord job = jobs.create(caller.orgId(), selector, body.enrollmentIds(), body.sequenceId(), domains);
        return Response.status(202).entity(view(job)).build();
    }

    @GET
    @Path("/{id}")
    public UnenrollJobView get(@PathParam("id") String id) {
        UnenrollJobRecord job = Ids.isUuid(id) ? jobs.find(caller.orgId(), id) : null;
        if (job == null) throw ApiException.notFound("Unenroll job not found.");
        return view(job);
    }

    private static UnenrollJobView view(UnenrollJobRecord job) {
        return new UnenrollJobView(job.getId(), job.getState(), job.getSelectorKind(), job.getResolved(),
                job.getResolved() ? job.getTargets().size() + job.getSkipped() - skippedAfterResolve(job) : null,
                job.getProcessed(), job.getUnenrolled(), job.getSkipped(), job.getFailed(),
                job.getCreatedAt(), job.getUpdatedAt(), job.getError());
    }

    /** Skips counted while running (targets already ended) are part of the targets, not extra. */
    private static int skippedAfterResolve(UnenrollJobRecord job) {
        return Math.max(0, job.getProcessed() - job.getUnenrolled() - job.getFailed());
    }
}
