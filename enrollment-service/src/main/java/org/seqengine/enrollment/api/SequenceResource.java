package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
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
import java.util.Map;
import org.seqengine.enrollment.api.auth.Caller;
import org.seqengine.enrollment.api.dto.SequenceBody;
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
    public Map<String, Object> get(@PathParam("id") String id) {
        return records.read(GlobalTable.SEQUENCES, id);
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> put(@PathParam("id") String id, SequenceBody body) {
        return records.write(GlobalTable.SEQUENCES, id, ReferenceBodies.sequence(caller.orgId(), id, body));
    }

    @POST
    @Path("/{id}/pause")
    public Map<String, Object> pause(@PathParam("id") String id) {
        return setPaused(id, true);
    }

    @POST
    @Path("/{id}/resume")
    public Map<String, Object> resume(@PathParam("id") String id) {
        return setPaused(id, false);
    }

    private Map<String, Object> setPaused(String id, boolean paused) {
        // a fresh copy decoded from the store: change it in place
        SequenceRecord current = records.find(GlobalTable.SEQUENCES, id);
        current.setIsPaused(paused);
        current.setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return records.write(GlobalTable.SEQUENCES, id, current);
    }
}
