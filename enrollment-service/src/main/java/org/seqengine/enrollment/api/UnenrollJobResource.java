package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.enrollment.api.dto.UnenrollJobRequest;
import org.seqengine.enrollment.api.dto.UnenrollJobView;
import org.seqengine.enrollment.bulk.CsvTargets;
import org.seqengine.enrollment.bulk.JobKind;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.filter.Domains;
import org.seqengine.schemas.avro.UnenrollJobRecord;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;
import org.seqengine.service.error.Violations;
import org.seqengine.service.validation.Ids;

/**
 * Bulk unenroll jobs: by enrollment ids, by sequence, or by company domains (JSON), or by a CSV
 * upload of enrollment ids or company domains ({@code text/csv}); progress by polling.
 */
@Path("/sequences/v1/unenroll-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class UnenrollJobResource {

    @Inject
    Caller caller;

    @Inject
    UnenrollJobs jobs;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "The job was accepted; poll it for progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnenrollJobView.class)))
    public Response create(@NotNull @Valid UnenrollJobRequest body,
                           @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) @Size(max = 255) String idempotencyKey) {
        return start(body, idempotencyKey);
    }

    /**
     * A CSV upload: header {@code enrollment_id} or {@code company_domain}, one value per row. Rows are
     * checked like the JSON lists; a bad row is reported as {@code [column, i]}, {@code i} counting
     * data rows from 0.
     */
    @POST
    @Consumes("text/csv")
    @APIResponse(responseCode = "202", description = "The job was accepted; poll it for progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnenrollJobView.class)))
    public Response createFromCsv(String csv,
                                  @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) @Size(max = 255) String idempotencyKey) {
        CsvTargets.Parsed parsed;
        try {
            parsed = CsvTargets.parse(csv == null ? "" : csv);
        } catch (RuntimeException e) {
            throw ApiException.badRequest(FieldError.of("invalid_csv", "The CSV could not be read: " + e.getMessage()));
        }
        if (parsed.column() == null) {
            throw ApiException.badRequest(FieldError.of("csv_header_required",
                    "The first row must name the column: enrollment_id or company_domain."));
        }
        UnenrollJobRequest body = CsvTargets.ENROLLMENT_ID.equals(parsed.column())
                ? new UnenrollJobRequest(parsed.values(), null, null, null)
                : new UnenrollJobRequest(null, null, parsed.values(), null);
        Set<ConstraintViolation<UnenrollJobRequest>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldError> errors = Violations.errors(violations).stream().map(e -> inColumn(e, parsed.column())).toList();
            throw ApiException.badRequest(errors.get(0).message(), errors);
        }
        return start(body, idempotencyKey);
    }

    @GET
    @Path("/{id}")
    public UnenrollJobView get(@PathParam("id") String id) {
        UnenrollJobRecord job = Ids.isUuid(id) ? jobs.find(caller.orgId(), id, JobKind.UNENROLL) : null;
        if (job == null) throw ApiException.notFound("Unenroll job not found.");
        return UnenrollJobView.of(job);
    }

    /** The list field's name in a violation's path becomes the CSV column's. */
    private static FieldError inColumn(FieldError error, String column) {
        List<Object> path = new java.util.ArrayList<>(error.path());
        if (!path.isEmpty()) path.set(0, column);
        return new FieldError(error.code(), List.copyOf(path), error.message(), error.ruleId(), error.level());
    }

    private Response start(UnenrollJobRequest body, String idempotencyKey) {
        List<String> domains = body.companyDomains() == null ? null
                : body.companyDomains().stream().map(Domains::normalize).filter(Objects::nonNull).distinct().toList();
        UnenrollJobRecord job = jobs.create(caller.orgId(), body.selector(), body.enrollmentIds(), body.sequenceId(), domains,
                body.reason(), idempotencyKey);
        return Response.status(202).entity(UnenrollJobView.of(job)).build();
    }
}
