package org.seqengine.exclusion.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.exclusion.api.dto.WhatIfAnswer;
import org.seqengine.exclusion.api.dto.WhatIfBody;
import org.seqengine.exclusion.query.WhatIfCluster;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.validation.Slug;

/** What a proposed exclusion rule would change, computed by the evaluation code of the topology; changes nothing. */
@Path("/sequences/v1/exclusion-rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WhatIfResource {

    @Inject
    Caller caller;

    @Inject
    WhatIfCluster cluster;

    @POST
    @Path("/{id}/what-if")
    @Operation(summary = "What PUT /exclusion-rules/{id} with this body would change: people newly / no longer matching, active enrollments stopped")
    @APIResponse(responseCode = "200", description = "The effect over the caller's organization; nothing was changed.")
    @APIResponse(responseCode = "503", description = "The evaluator is starting or rebalancing; retry shortly.")
    public WhatIfAnswer whatIf(@PathParam("id") @Slug String id, @NotNull @Valid WhatIfBody body) {
        return WhatIfAnswer.of(cluster.compute(caller.orgId(), id, body));
    }
}
