package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.RulesetBody;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.schemas.Topics;

/** Re-enrollment settings and the exclusion rules a sequence enables. */
@Path("/sequences/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesetResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceDataWriter writer;

    @PUT
    @Path("/{id}")
    public Map<String, Object> put(@PathParam("id") String id, RulesetBody body) {
        var record = ReferenceBodies.ruleset(caller.orgId(), id, body);
        return ReferenceViews.of(writer.upsert(Topics.RULESETS, StoreNames.RULESETS, caller.orgId(), id, record));
    }
}
