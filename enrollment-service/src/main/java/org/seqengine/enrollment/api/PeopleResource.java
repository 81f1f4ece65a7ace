package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.enrollment.api.dto.EraseJobView;
import org.seqengine.enrollment.api.dto.PersonExport;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.service.auth.ApiKeyFilter;
import org.seqengine.service.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.seqengine.enrollment.api.dto.ClearOptOutBody;
import org.seqengine.enrollment.api.dto.ClearOptOutResult;
import org.seqengine.enrollment.api.dto.EligibilityView;
import org.seqengine.enrollment.api.dto.EnrollmentView;
import org.seqengine.enrollment.api.dto.OptOutBody;
import org.seqengine.enrollment.api.dto.OptOutResult;
import org.seqengine.enrollment.api.dto.PersonBody;
import org.seqengine.enrollment.api.dto.PersonUnenrollResult;
import org.seqengine.enrollment.api.dto.PersonView;
import org.seqengine.enrollment.api.validation.MailboxEmailList;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.CompanyLimit;
import org.seqengine.enrollment.domain.DecisionContext;
import org.seqengine.enrollment.domain.EnrollChecks;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.OptOutSource;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.Rejection;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.domain.Rulesets;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.query.CompanyLedgers;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.validation.Ids;
import org.seqengine.service.validation.Uuid;

/**
 * People: upsert, unenroll from everything, opt-out and its reversal, the eligibility dry run, and
 * personal data: erasure ({@code DELETE ?mode=erase}, a job) and the export of everything held.
 */
@Path("/sequences/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private static final String ERASE = "erase";

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @Inject
    CommandResults commands;

    @Inject
    EnrollmentQueries queries;

    @Inject
    CompanyLedgers ledgers;

    @Inject
    UnenrollJobs jobs;

    @Inject
    PersonExports exports;

    /** The person as upserted, plus whether they opted out in this system (and when). */
    @GET
    @Path("/{id}")
    public PersonView get(@PathParam("id") String id) {
        return PersonView.of(records.find(GlobalTable.PEOPLE, id), queries.personState(caller.orgId(), id));
    }

    @PUT
    @Path("/{id}")
    public PersonView put(@PathParam("id") @Uuid String id, @NotNull @Valid PersonBody body) {
        PersonRecord stored = records.write(GlobalTable.PEOPLE, id, ReferenceBodies.person(caller.orgId(), id, body));
        return PersonView.of(stored, queries.personState(caller.orgId(), id));
    }

    /**
     * Erases the person (right to erasure): a job with one target, the person, carried out by the
     * decider in one transaction: active enrollments end with PERSON_ERASED, every enrollment is kept
     * with {@code person_erased} and no personal value, the person's key is shredded (every sealed copy
     * becomes unreadable), their records are removed and their email is suppressed (never enrolled
     * again). {@code mode=erase} is required: it names what a DELETE of a person does. A person
     * unknown here is erased too (nothing to remove): erasing is idempotent.
     */
    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "202", description = "The erase job was accepted; poll GET /erase-jobs/{id}.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EraseJobView.class)))
    public Response erase(@PathParam("id") @Uuid String id,
                          @Parameter(description = "erase (required)", required = true) @QueryParam("mode") String mode,
                          @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) @Size(max = 255) String idempotencyKey) {
        if (mode == null) {
            throw ApiException.badRequest(FieldError.of("required", "mode is required: mode=erase.", "mode"));
        }
        if (!ERASE.equals(mode)) {
            throw ApiException.badRequest(FieldError.of("invalid_enum", "mode must be erase.", "mode"));
        }
        return Response.status(202).entity(EraseJobView.of(jobs.erase(caller.orgId(), id, idempotencyKey))).build();
    }

    /**
     * Everything held of the person as one JSON document (right of access, portability): see
     * {@link PersonExport}. Reads the event and send-request logs (one partition scan each) and asks
     * exclusion-evaluator for the CRM facts (503 when it cannot be reached). 404 when nothing is held.
     */
    @GET
    @Path("/{id}/export")
    @APIResponse(responseCode = "200", description = "Everything held of the person.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonExport.class)))
    public PersonExport export(@PathParam("id") @Uuid String id, @HeaderParam(ApiKeyFilter.HEADER) String apiKey) {
        return exports.export(caller.orgId(), id, apiKey);
    }

    @POST
    @Path("/{id}/unenroll")
    public PersonUnenrollResult unenroll(@PathParam("id") String id, @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String key) {
        requirePerson(id);
        CommandReplyRecord reply = commands.execute(new EnrollmentCommand.UnenrollPerson(meta(id, "unenroll-person", key, null)));
        return new PersonUnenrollResult(id, views(id, reply.getEnrollmentIds()));
    }

    @POST
    @Path("/{id}/opt-out")
    public OptOutResult optOut(@PathParam("id") String id, @Valid OptOutBody body,
                               @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String key) {
        requirePerson(id);
        OptOutSource source = body == null || body.source() == null ? OptOutSource.API
                : OptOutSource.valueOf(body.source().toUpperCase(Locale.ROOT));
        CommandReplyRecord reply = commands.execute(new EnrollmentCommand.OptOut(meta(id, "opt-out", key, body == null ? null : body.reason()), source));
        return new OptOutResult(id, true, views(id, reply.getEnrollmentIds()));
    }

    @DELETE
    @Path("/{id}/opt-out")
    public ClearOptOutResult clearOptOut(@PathParam("id") String id, @NotNull @Valid ClearOptOutBody body,
                                         @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) String key) {
        requirePerson(id);
        commands.execute(new EnrollmentCommand.ClearOptOut(meta(id, "clear-opt-out", key, body.reason()), body.permissionNote()));
        return new ClearOptOutResult(id, false, body.permissionNote());
    }

    /**
     * Every failing check, not only the first: what would stop this person from entering the
     * sequence now. With {@code mailbox_emails} (comma-separated) the mailbox check runs too.
     */
    @GET
    @Path("/{id}/eligibility")
    public EligibilityView eligibility(@PathParam("id") String id,
                                       @QueryParam("sequence_id") @NotNull @Uuid String sequenceId,
                                       @QueryParam("mailbox_emails") @MailboxEmailList String mailboxEmails) {
        List<String> candidates = MailboxEmailList.Validator.items(mailboxEmails);
        requirePerson(id);
        ReferenceData reference = queries.reference(caller.orgId());
        if (reference.sequence(sequenceId).isEmpty()) {
            throw ApiException.notFound("Sequence not found.");
        }
        PersonState state = queries.personState(caller.orgId(), id);
        DecisionContext ctx = new DecisionContext(java.time.Instant.now(), reference);
        List<Rejection> reasons = new ArrayList<>(candidates == null ? EnrollChecks.eligibility(sequenceId, state, ctx)
                : EnrollChecks.eligibility(sequenceId, candidates, state, ctx));
        companyLimit(reference, sequenceId, id).ifPresent(reasons::add);
        return new EligibilityView(reasons.isEmpty(), reasons.stream().map(r -> {
            boolean active = r.code() == RejectionCode.ALREADY_ENROLLED_ACTIVE && state.active().isPresent();
            return new EligibilityView.Reason(r.code().name(), r.message(), r.level() == null ? null : r.level().name(),
                    r.ruleId(), active ? state.active().get().sequenceId() : null, active ? state.active().get().id() : null,
                    r.companyDomain(), r.limit(), r.activeCount());
        }).toList());
    }

    /**
     * COMPANY_LIMIT_REACHED when the sequence's ruleset caps the person's company and the company
     * ledger already counts that many (active + reserved): what the ledger would answer an Enroll now.
     * The decider asks the ledger last, after every other check, so the dry run lists it last.
     */
    private Optional<Rejection> companyLimit(ReferenceData reference, String sequenceId, String personId) {
        Sequence sequence = reference.sequence(sequenceId).orElseThrow();
        Integer limit = Rulesets.forSequence(sequence, reference).maxActiveEnrollmentsPerCompany();
        String domain = CompanyLimit.domainOf(reference.person(personId).orElse(null));
        if (limit == null || domain == null) return Optional.empty();
        int count = ledgers.count(caller.orgId(), domain).total();
        return count >= limit ? Optional.of(Rejection.companyLimit(domain, limit, count)) : Optional.empty();
    }

    private CommandMeta meta(String personId, String operation, String idempotencyKey, String reason) {
        return CommandResults.meta(caller, personId, operation, idempotencyKey, reason);
    }

    private void requirePerson(String id) {
        if (!Ids.isUuid(id) || queries.reference(caller.orgId()).person(id).isEmpty()) {
            throw ApiException.notFound("Person not found.");
        }
    }

    /**
     * The enrollments a command ended, read back through the person's state: it holds the command's
     * effect as soon as the outcome arrived.
     */
    private List<EnrollmentView> views(String personId, List<String> enrollmentIds) {
        PersonState state = queries.personState(caller.orgId(), personId);
        return enrollmentIds.stream()
                .flatMap(eid -> state.enrollment(eid).map(e -> queries.view(e, state)).stream())
                .toList();
    }
}
