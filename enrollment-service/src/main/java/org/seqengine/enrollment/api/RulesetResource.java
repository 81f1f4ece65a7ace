package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.seqengine.enrollment.api.dto.RulesetBody;
import org.seqengine.enrollment.api.dto.RulesetView;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.validation.Slug;

/** Re-enrollment settings and the exclusion rules a sequence enables. */
@Path("/sequences/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesetResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @GET
    @Path("/{id}")
    public RulesetView get(@PathParam("id") String id) {
        return RulesetView.of(records.find(GlobalTable.RULESETS, id));
    }

    @PUT
    @Path("/{id}")
    public RulesetView put(@PathParam("id") @Slug String id, @NotNull @Valid RulesetBody body) {
        return RulesetView.of(records.write(GlobalTable.RULESETS, id, ReferenceBodies.ruleset(caller.orgId(), id, body)));
    }
}
