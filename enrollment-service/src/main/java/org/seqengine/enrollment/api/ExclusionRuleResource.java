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
import org.seqengine.enrollment.api.dto.ExclusionRuleBody;
import org.seqengine.enrollment.api.dto.ExclusionRuleView;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.validation.Slug;

/** Exclusion rules: the org-level toggles and the filter the exclusion-evaluator applies. */
@Path("/sequences/v1/exclusion-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExclusionRuleResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @GET
    @Path("/{id}")
    public ExclusionRuleView get(@PathParam("id") String id) {
        return ExclusionRuleView.of(records.find(GlobalTable.EXCLUSION_RULES, id));
    }

    @PUT
    @Path("/{id}")
    public ExclusionRuleView put(@PathParam("id") @Slug String id, @NotNull @Valid ExclusionRuleBody body) {
        return ExclusionRuleView.of(records.write(GlobalTable.EXCLUSION_RULES, id, ReferenceBodies.exclusionRule(caller.orgId(), id, body)));
    }
}
