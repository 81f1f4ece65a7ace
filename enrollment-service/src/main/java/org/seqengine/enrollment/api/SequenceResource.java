package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.SequenceBody;
import org.seqengine.enrollment.api.dto.SequenceView;
import org.seqengine.enrollment.api.validation.Uuid;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.SequenceRecord;

/** Sequences: upsert, and pause/resume of a whole sequence (its enrollments stay active; nothing sends). */
@Path("/sequences/v1/sequences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SequenceResource {

    @Inject
    Caller caller;

    @Inject
    ReferenceRecords records;

    @GET
    @Path("/{id}")
    public SequenceView get(@PathParam("id") String id) {
        return SequenceView.of(records.find(GlobalTable.SEQUENCES, id));
    }

    @PUT
    @Path("/{id}")
    public SequenceView put(@PathParam("id") @Uuid String id, @NotNull @Valid SequenceBody body) {
        return SequenceView.of(records.write(GlobalTable.SEQUENCES, id, ReferenceBodies.sequence(caller.orgId(), id, body)));
    }

    @POST
    @Path("/{id}/pause")
    public SequenceView pause(@PathParam("id") String id) {
        return setPaused(id, true);
    }

    @POST
    @Path("/{id}/resume")
    public SequenceView resume(@PathParam("id") String id) {
        return setPaused(id, false);
    }

    private SequenceView setPaused(String id, boolean paused) {
        // a fresh copy decoded from the store: change it in place
        SequenceRecord current = records.find(GlobalTable.SEQUENCES, id);
        current.setIsPaused(paused);
        current.setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return SequenceView.of(records.write(GlobalTable.SEQUENCES, id, current));
    }
}
