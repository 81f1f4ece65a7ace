package org.seqengine.stepscheduler.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.validation.Uuid;
import org.seqengine.stepscheduler.api.dto.MailboxSchedule;
import org.seqengine.stepscheduler.query.MailboxScheduleService;

/** What the scheduler holds for a mailbox of the caller's organization. */
@Path("/sequences/v1/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxScheduleResource {

    @Inject
    Caller caller;

    @Inject
    MailboxScheduleService schedules;

    @GET
    @Path("/{id}/schedule")
    @Operation(summary = "A mailbox's queue, the emails it sent in the rolling day and its next free slot")
    @APIResponse(responseCode = "200", description = "The mailbox's schedule now.")
    @APIResponse(responseCode = "404", description = "The scheduler holds nothing for this mailbox (unknown, or another organization's).")
    @APIResponse(responseCode = "503", description = "The scheduler is starting or rebalancing; retry shortly.")
    public MailboxSchedule schedule(@PathParam("id") @Uuid String id) {
        return schedules.find(caller.orgId(), id);
    }
}
