package org.seqengine.enrollment.api;

import java.time.Instant;
import org.seqengine.enrollment.query.SequenceReports;
import org.seqengine.enrollment.report.SequenceReportView;
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
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.SequenceBody;
import org.seqengine.enrollment.api.dto.SequenceView;
import org.seqengine.service.validation.Uuid;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.schemas.avro.SequencePauseRecord;
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

    @Inject
    EnrollmentQueries queries;

    @Inject
    SequenceVersions versions;

    @Inject
    SequenceReports reports;

    /**
     * The sequence's report (the seeds' "unenrolled breakdown"): enrollments by display status and finish
     * reason, rejected enrollment attempts by code, over all time and the last 7 days; kept by a Kafka
     * Streams aggregation, exact after each commit.
     */
    @GET
    @Path("/{id}/report")
    public SequenceReportView report(@PathParam("id") String id) {
        records.find(GlobalTable.SEQUENCES, id); // 404 for an unknown sequence
        return reports.report(caller.orgId(), id, Instant.now());
    }

    @GET
    @Path("/{id}")
    public SequenceView get(@PathParam("id") String id) {
        return withPauseState(id, records.find(GlobalTable.SEQUENCES, id));
    }

    /**
     * Upserts the sequence; a change of its steps makes a new version (see {@link SequenceVersions}).
     * Its pause state, once set by pause/resume, stays theirs (see {@link #pause}).
     */
    @PUT
    @Path("/{id}")
    public SequenceView put(@PathParam("id") @Uuid String id, @NotNull @Valid SequenceBody body) {
        return withPauseState(id, versions.put(caller.orgId(), id, ReferenceBodies.sequence(caller.orgId(), id, body)));
    }

    /**
     * Pauses the whole sequence. The pause state is its own record ({@code sequence-pauses.v1}), never a
     * read-modify-write of the sequence, so a concurrent {@code PUT /sequences/{id}} is never lost and
     * cannot undo the pause; from then on it decides {@code is_paused} (the PUT body's value is ignored).
     */
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
        records.find(GlobalTable.SEQUENCES, id); // 404 for unknown ids and other organizations' sequences
        SequencePauseRecord pause = SequencePauseRecord.newBuilder().setOrgId(caller.orgId()).setSequenceId(id)
                .setIsPaused(paused).setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setActor(caller.actor()).build();
        records.write(GlobalTable.SEQUENCE_PAUSES, id, pause);
        return get(id);
    }

    /** The sequence view with its effective {@code is_paused} (the record is a fresh decoded copy). */
    private SequenceView withPauseState(String id, SequenceRecord sequence) {
        queries.record(GlobalTable.SEQUENCE_PAUSES, caller.orgId(), id)
                .ifPresent(pause -> sequence.setIsPaused(pause.getIsPaused()));
        return SequenceView.of(sequence);
    }
}
