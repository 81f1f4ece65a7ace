package org.seqengine.exclusion.query;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.seqengine.exclusion.api.dto.PersonCrm;
import org.seqengine.service.error.ApiException;

/**
 * A person's CRM records one instance reads for another (the API-key filter lets {@code /internal/} through only
 * with the cluster's internal token). The organization comes from the asking instance.
 */
@Path(PersonCrmService.INTERNAL_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class InternalPersonCrmResource {

    @Inject
    PersonCrmService crm;

    @GET
    public PersonCrm get(@QueryParam("org_id") @NotBlank String orgId, @QueryParam("person_id") @NotBlank String personId) {
        return crm.local(orgId, personId).orElseThrow(() -> ApiException.notFound("Not here."));
    }
}
