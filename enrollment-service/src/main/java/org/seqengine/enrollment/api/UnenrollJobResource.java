package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.UnenrollJobRequest;
import org.seqengine.enrollment.api.error.ApiException;
import org.seqengine.enrollment.api.error.FieldError;
import org.seqengine.enrollment.api.error.RequestChecks;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/** Bulk unenroll jobs: by enrollment ids, by sequence, or by company domains; progress by polling. */
@Path("/sequences/v1/unenroll-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnenrollJobResource {

    private static final int MAX_IDS = 100_000;

    @Inject
    Caller caller;

    @Inject
    UnenrollJobs jobs;

    @POST
    public Response create(UnenrollJobRequest body) {
        RequestChecks checks = RequestChecks.start();
        UnenrollJobs.Selector selector = null;
        if (checks.body(body)) {
            int given = (body.enrollmentIds() != null ? 1 : 0) + (body.sequenceId() != null ? 1 : 0)
                    + (body.companyDomains() != null ? 1 : 0);
            if (given != 1) {
                checks.add(FieldError.of("one_selector_required",
                        "Give exactly one of enrollment_ids, sequence_id, company_domains."));
            } else if (body.enrollmentIds() != null) {
                selector = UnenrollJobs.Selector.ENROLLMENT_IDS;
                checks.size(body.enrollmentIds(), 1, MAX_IDS, "enrollment_ids");
                for (int i = 0; i < body.enrollmentIds().size() && i < MAX_IDS; i++) {
                    if (!RequestChecks.isUuid(body.enrollmentIds().get(i))) {
                        checks.add(new FieldError("invalid_uuid", List.of("enrollment_ids", i), "Must be a UUID."));
                    }
                }
            } else if (body.sequenceId() != null) {
                selector = UnenrollJobs.Selector.SEQUENCE;
                checks.uuid(body.sequenceId(), "sequence_id");
            } else {
                selector = UnenrollJobs.Selector.COMPANY_DOMAINS;
                checks.size(body.companyDomains(), 1, 1000, "company_domains");
            }
        }
        checks.orThrow();
        List<String> domains = body.companyDomains() == null ? null
                : body.companyDomains().stream().map(ReferenceBodies::normalizeDomain).filter(d -> d != null).toList();
        UnenrollJobRecord job = jobs.create(caller.orgId(), selector, body.enrollmentIds(), body.sequenceId(), domains);
        return Response.status(202).entity(view(job)).build();
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        UnenrollJobRecord job = RequestChecks.isUuid(id) ? jobs.find(caller.orgId(), id) : null;
        if (job == null) throw ApiException.notFound("Unenroll job not found.");
        return view(job);
    }

    private static Map<String, Object> view(UnenrollJobRecord job) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", job.getId());
        v.put("state", job.getState());
        v.put("selector", job.getSelectorKind());
        v.put("resolved", job.getResolved());
        v.put("total", job.getResolved() ? job.getTargets().size() + job.getSkipped() - skippedAfterResolve(job) : null);
        v.put("processed", job.getProcessed());
        v.put("unenrolled", job.getUnenrolled());
        v.put("skipped", job.getSkipped());
        v.put("failed", job.getFailed());
        v.put("created_at", job.getCreatedAt());
        v.put("updated_at", job.getUpdatedAt());
        v.put("error", job.getError());
        return v;
    }

    /** Skips counted while running (targets already ended) are part of the targets, not extra. */
    private static int skippedAfterResolve(UnenrollJobRecord job) {
        return Math.max(0, job.getProcessed() - job.getUnenrolled() - job.getFailed());
    }
}
