package org.seqengine.exclusion.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.exclusion.api.dto.PersonCrm;
import org.seqengine.exclusion.query.PersonCrmService;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.validation.Uuid;

/** The CRM fields the evaluator holds for a person of the caller's organization (part of the person's data export). */
@Path("/sequences/v1/people")
@Produces(MediaType.APPLICATION_JSON)
public class PersonCrmResource {

    @Inject
    Caller caller;

    @Inject
    PersonCrmService crm;

    @GET
    @Path("/{id}/crm")
    @Operation(summary = "The CRM records (fields, latest change) the evaluator holds for a person")
    @APIResponse(responseCode = "200", description = "The person's CRM records.")
    @APIResponse(responseCode = "404", description = "The evaluator holds no CRM record of the person (none received, or erased).")
    @APIResponse(responseCode = "503", description = "The evaluator is starting or rebalancing; retry shortly.")
    public PersonCrm get(@PathParam("id") @Uuid String id) {
        return crm.find(caller.orgId(), id);
    }
}
