package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.ExclusionRuleBody;
import org.seqengine.enrollment.api.error.ApiException;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionRuleRecord;

/** Exclusion rules: the org-level toggles and the filter the exclusion-evaluator applies. */
@Path("/sequences/v1/exclusion-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExclusionRuleResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceDataWriter writer;

    @Inject
    EnrollmentQueries queries;

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return ReferenceViews.of(queries.<ExclusionRuleRecord>referenceRecord(StoreNames.EXCLUSION_RULES, caller.orgId(), id)
                .orElseThrow(() -> ApiException.notFound("Exclusion rule not found.")));
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> put(@PathParam("id") String id, ExclusionRuleBody body) {
        var record = ReferenceBodies.exclusionRule(caller.orgId(), id, body);
        return ReferenceViews.of(writer.upsert(Topics.EXCLUSION_RULES, StoreNames.EXCLUSION_RULES, caller.orgId(), id, record));
    }
}
