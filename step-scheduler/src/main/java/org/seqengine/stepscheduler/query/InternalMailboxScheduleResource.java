package org.seqengine.stepscheduler.query;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.seqengine.service.error.ApiException;
import org.seqengine.stepscheduler.api.dto.MailboxSchedule;

/**
 * A mailbox's schedule one instance reads for another (the API-key filter lets {@code /internal/}
 * through only with the cluster's internal token). The organization comes from the asking instance.
 */
@Path(MailboxScheduleService.INTERNAL_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class InternalMailboxScheduleResource {

    @Inject
    MailboxScheduleService schedules;

    @GET
    public MailboxSchedule get(@QueryParam("org_id") @NotBlank String orgId, @QueryParam("mailbox_id") @NotBlank String mailboxId) {
        return schedules.local(orgId, mailboxId).orElseThrow(() -> ApiException.notFound("Not here."));
    }
}
