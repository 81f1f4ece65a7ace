package org.seqengine.exclusion.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.exclusion.api.dto.CrmChangesAccepted;
import org.seqengine.exclusion.api.dto.CrmChangesRequest;
import org.seqengine.exclusion.kafka.CrmChangePublisher;
import org.seqengine.exclusion.kafka.CrmChangeRoute;
import org.seqengine.exclusion.kafka.CrmChangeRouting;
import org.seqengine.service.auth.Caller;

/** CRM changes over HTTP, for webhook-style connectors: the same records a connector writes to the topics. */
@Path("/sequences/v1/crm-changes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CrmChangeResource {

    @Inject
    Caller caller;

    @Inject
    CrmChangePublisher publisher;

    @POST
    @Operation(summary = "Accept up to 1,000 CRM changes of the caller's organization, published in one transaction")
    @APIResponse(responseCode = "202", description = "Every change was published.")
    public Response accept(@NotNull @Valid CrmChangesRequest body) {
        List<CrmChangeRoute> batch = CrmChangeRouting.route(caller.orgId(), body.changes(), Instant.now());
        publisher.publish(batch);
        return Response.accepted(new CrmChangesAccepted(batch.size())).build();
    }
}
