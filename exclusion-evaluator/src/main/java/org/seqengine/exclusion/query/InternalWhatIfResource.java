package org.seqengine.exclusion.query;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.seqengine.exclusion.api.dto.WhatIfBody;

/**
 * What-if shares one instance computes for another (never for API clients: the API-key filter lets
 * a request through {@code /internal/} only with the cluster's internal token). The organization
 * comes from the asking instance, which authenticated the client.
 */
@Path("/internal/v1/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalWhatIfResource {

    public record ShareRequest(@NotBlank String orgId, @NotBlank String ruleId, @NotNull @Valid WhatIfBody rule) {}

    @Inject
    WhatIfService whatIf;

    @POST
    public LocalWhatIf share(@NotNull @Valid ShareRequest request) {
        return whatIf.localShare(request.rule().toRequest(request.orgId(), request.ruleId()));
    }
}
