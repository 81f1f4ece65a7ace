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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.ReassignJobView;
import org.seqengine.enrollment.api.dto.ReassignQueuedRequest;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.GlobalTable;

/**
 * Move a sequence's queued enrollments (no step sent yet) to other mailboxes in bulk: each to the
 * least-loaded of the given ones (a job; poll {@code GET /reassign-jobs/{id}}). Once step 1 has
 * sent, an enrollment's mailbox never changes: those count as skipped (STEP_ALREADY_SENT).
 */
@Path("/sequences/v1/sequences/{id}/reassign-queued")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReassignQueuedResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @Inject
    EnrollmentQueries queries;

    @Inject
    UnenrollJobs jobs;

    @POST
    @APIResponse(responseCode = "202", description = "The reassign job was accepted; poll it for progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReassignJobView.class)))
    public Response reassign(@PathParam("id") String id, @NotNull @Valid ReassignQueuedRequest body,
                             @HeaderParam(EnrollmentResource.IDEMPOTENCY_KEY) @Size(max = 255) String idempotencyKey) {
        records.find(GlobalTable.SEQUENCES, id); // 404 for unknown sequences and other organizations' ones
        List<Mailbox> mailboxes = mailboxes(body.mailboxEmails());
        return Response.status(202).entity(ReassignJobView.of(
                jobs.reassignQueued(caller.orgId(), id, mailboxes, body.mailboxEmails(), idempotencyKey))).build();
    }

    /** The organization's mailboxes of these emails, in order, each once; an unknown email is a 400 naming its index. */
    private List<Mailbox> mailboxes(List<String> emails) {
        ReferenceData reference = queries.reference(caller.orgId());
        Map<String, Mailbox> found = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            Optional<Mailbox> mailbox = reference.mailboxByEmail(emails.get(i).trim());
            if (mailbox.isEmpty()) {
                errors.add(FieldError.of(RejectionCode.MAILBOX_NOT_FOUND.name(),
                        "No mailbox of the organization has this email.", "mailbox_emails", i));
            } else {
                found.putIfAbsent(mailbox.get().id(), mailbox.get());
            }
        }
        if (!errors.isEmpty()) throw ApiException.badRequest(errors.get(0).message(), errors);
        return List.copyOf(found.values());
    }
}
