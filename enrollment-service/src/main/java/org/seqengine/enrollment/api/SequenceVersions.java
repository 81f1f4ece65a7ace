package org.seqengine.enrollment.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.SequenceRecord;

/**
 * Upserts sequences with versions of their steps. A PUT that changes the steps makes version n+1
 * (any other change keeps n); each version's snapshot goes to {@code sequence-versions.v1} (key
 * {@code org_id/sequence_id/version}, every version kept) BEFORE the sequence itself, so whoever
 * reads version n on the sequence finds its snapshot. An enrollment follows the version it was
 * enrolled in until an upgrade job moves it.
 *
 * <p>The read-modify-write of the version is serialized per sequence on this instance; two PUTs of
 * one sequence racing through two instances could both make the same n+1 (the last write wins),
 * which a client avoids by not writing one sequence from two places at once.
 */
@ApplicationScoped
class SequenceVersions {

    private static final int STRIPES = 64;

    private final Object[] locks = new Object[STRIPES];

    @Inject
    EnrollmentQueries queries;

    @Inject
    ReferenceDataWriter writer;

    SequenceVersions() {
        for (int i = 0; i < STRIPES; i++) locks[i] = new Object();
    }

    /** Writes {@code proposed} (its version set here) and its snapshot; returns it once readable. */
    SequenceRecord put(String orgId, String id, SequenceRecord proposed) {
        synchronized (locks[Math.floorMod((orgId + "/" + id).hashCode(), STRIPES)]) {
            SequenceRecord current = queries.record(GlobalTable.SEQUENCES, orgId, id).orElse(null);
            int version = current == null ? 1
                    : current.getSteps().equals(proposed.getSteps()) ? current.getVersion() : current.getVersion() + 1;
            proposed.setVersion(version);
            if (current != null && version != current.getVersion() && !hasSnapshot(orgId, id, current.getVersion())) {
                // a sequence written before versions existed: keep the steps its enrollments follow
                writer.upsert(GlobalTable.SEQUENCE_VERSIONS, orgId, versionId(id, current.getVersion()), current);
            }
            // the version's snapshot is the sequence as last written at that version
            writer.upsert(GlobalTable.SEQUENCE_VERSIONS, orgId, versionId(id, version), proposed);
            return writer.upsert(GlobalTable.SEQUENCES, orgId, id, proposed);
        }
    }

    private boolean hasSnapshot(String orgId, String id, int version) {
        return queries.store(GlobalTable.SEQUENCE_VERSIONS).get(GlobalTable.versionKey(orgId, id, version)) != null;
    }

    /** The id part of a version's key ({@code sequence_id/version}), as {@link GlobalTable#versionKey} builds it. */
    private static String versionId(String sequenceId, int version) {
        return sequenceId + "/" + version;
    }
}
