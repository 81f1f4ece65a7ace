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
import org.seqengine.enrollment.api.dto.MailboxBody;
import org.seqengine.enrollment.api.dto.MailboxView;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.validation.Uuid;

/** Sending mailboxes. */
@Path("/sequences/v1/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailboxResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @GET
    @Path("/{id}")
    public MailboxView get(@PathParam("id") String id) {
        return MailboxView.of(records.find(GlobalTable.MAILBOXES, id));
    }

    @PUT
    @Path("/{id}")
    public MailboxView put(@PathParam("id") @Uuid String id, @NotNull @Valid MailboxBody body) {
        return MailboxView.of(records.write(GlobalTable.MAILBOXES, id, ReferenceBodies.mailbox(caller.orgId(), id, body)));
    }
}
