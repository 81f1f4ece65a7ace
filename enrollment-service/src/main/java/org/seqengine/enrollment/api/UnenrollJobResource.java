package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.UnenrollJobRequest;
import org.seqengine.enrollment.api.dto.UnenrollJobView;
import org.seqengine.enrollment.api.error.ApiException;
import org.seqengine.enrollment.api.error.FieldError;
import org.seqengine.enrollment.api.error.RequestChecks;
import org.seqengine.enrollment.bulk.CsvTargets;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * Bulk unenroll jobs: by enrollment ids, by sequence, or by company domains (JSON), or by a CSV
 * upload of enrollment ids or company domains ({@code text/csv}); progress by polling.
 */
@Path("/sequences/v1/unenroll-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class UnenrollJobResource {

    static final int MAX_IDS = 100_000;
    static final int MAX_DOMAINS = 10_000;

    @Inject
    Caller caller;

    @Inject
    UnenrollJobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UnenrollJobRequest body, @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String idempotencyKey) {
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
                checkIds(checks, body.enrollmentIds(), "enrollment_ids");
            } else if (body.sequenceId() != null) {
                selector = UnenrollJobs.Selector.SEQUENCE;
                checks.uuid(body.sequenceId(), "sequence_id");
            } else {
                selector = UnenrollJobs.Selector.COMPANY_DOMAINS;
                checkDomains(checks, body.companyDomains(), "company_domains");
            }
        }
        checks.orThrow();
        return start(selector, body.enrollmentIds(), body.sequenceId(), body.companyDomains(), body.reason(), idempotencyKey);
    }

    /** A CSV upload: header {@code enrollment_id} or {@code company_domain}, one value per row. */
    @POST
    @Consumes("text/csv")
    public Response createFromCsv(String csv, @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        CsvTargets.Parsed parsed;
        try {
            parsed = CsvTargets.parse(csv);
        } catch (RuntimeException e) {
            throw ApiException.badRequest(FieldError.of("invalid_csv", "The CSV could not be read: " + e.getMessage()));
        }
        if (parsed.column() == null) {
            throw ApiException.badRequest(FieldError.of("csv_header_required",
                    "The first row must name the column: enrollment_id or company_domain."));
        }
        RequestChecks checks = RequestChecks.start();
        if (CsvTargets.ENROLLMENT_ID.equals(parsed.column())) {
            checkIds(checks, parsed.values(), CsvTargets.ENROLLMENT_ID);
            checks.orThrow();
            return start(UnenrollJobs.Selector.ENROLLMENT_IDS, parsed.values(), null, null, null, idempotencyKey);
        }
        checkDomains(checks, parsed.values(), CsvTargets.COMPANY_DOMAIN);
        checks.orThrow();
        return start(UnenrollJobs.Selector.COMPANY_DOMAINS, null, null, parsed.values(), null, idempotencyKey);
    }

    @GET
    @Path("/{id}")
    public UnenrollJobView get(@PathParam("id") String id) {
        UnenrollJobRecord job = RequestChecks.isUuid(id) ? jobs.find(caller.orgId(), id) : null;
        if (job == null) throw ApiException.notFound("Unenroll job not found.");
        return UnenrollJobView.of(job);
    }

    private Response start(UnenrollJobs.Selector selector, List<String> ids, String sequenceId, List<String> domains,
                           String reason, String idempotencyKey) {
        List<String> normalized = domains == null ? null
                : domains.stream().map(ReferenceBodies::normalizeDomain).filter(Objects::nonNull).distinct().toList();
        if (idempotencyKey != null && idempotencyKey.length() > 255) {
            throw ApiException.badRequest(FieldError.of("invalid_idempotency_key",
                    "Idempotency-Key must be at most 255 characters.", "Idempotency-Key"));
        }
        UnenrollJobRecord job = jobs.create(caller.orgId(), selector, ids, sequenceId, normalized, reason, idempotencyKey);
        return Response.status(202).entity(UnenrollJobView.of(job)).build();
    }

    private static void checkIds(RequestChecks checks, List<String> ids, String field) {
        checks.size(ids, 1, MAX_IDS, field);
        for (int i = 0; i < ids.size() && i < MAX_IDS; i++) {
            if (!RequestChecks.isUuid(ids.get(i))) {
                checks.add(new FieldError("invalid_uuid", List.of(field, i), "Must be a UUID."));
            }
        }
    }

    private static void checkDomains(RequestChecks checks, List<String> domains, String field) {
        checks.size(domains, 1, MAX_DOMAINS, field);
        for (int i = 0; i < domains.size() && i < MAX_DOMAINS; i++) {
            String d = domains.get(i);
            if (d == null || d.isBlank() || d.length() > 253) {
                checks.add(new FieldError("invalid_domain", List.of(field, i), "Must be a company domain."));
            }
        }
    }
}
