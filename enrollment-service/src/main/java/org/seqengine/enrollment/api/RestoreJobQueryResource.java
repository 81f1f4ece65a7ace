package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.EraseJobView;
import org.seqengine.enrollment.api.dto.ReassignJobView;
import org.seqengine.enrollment.api.dto.RestoreJobView;
import org.seqengine.enrollment.api.dto.UpgradeJobView;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.validation.Ids;
import org.seqengine.enrollment.bulk.JobKind;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/** Progress of restore, reassign-queued, upgrade and erase jobs (each under its own path; another kind's id is a 404). */
@Path("/sequences/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RestoreJobQueryResource {

    @Inject
    Caller caller;

    @Inject
    UnenrollJobs jobs;

    @GET
    @Path("/restore-jobs/{id}")
    public RestoreJobView restoreJob(@PathParam("id") String id) {
        return RestoreJobView.of(find(id, JobKind.RESTORE, "Restore job not found."));
    }

    @GET
    @Path("/reassign-jobs/{id}")
    public ReassignJobView reassignJob(@PathParam("id") String id) {
        return ReassignJobView.of(find(id, JobKind.REASSIGN_QUEUED, "Reassign job not found."));
    }

    @GET
    @Path("/upgrade-jobs/{id}")
    public UpgradeJobView upgradeJob(@PathParam("id") String id) {
        return UpgradeJobView.of(find(id, JobKind.UPGRADE, "Upgrade job not found."));
    }

    @GET
    @Path("/erase-jobs/{id}")
    public EraseJobView eraseJob(@PathParam("id") String id) {
        return EraseJobView.of(find(id, JobKind.ERASE, "Erase job not found."));
    }

    private UnenrollJobRecord find(String id, JobKind kind, String notFound) {
        UnenrollJobRecord job = Ids.isUuid(id) ? jobs.find(caller.orgId(), id, kind) : null;
        if (job == null) throw ApiException.notFound(notFound);
        return job;
    }
}
