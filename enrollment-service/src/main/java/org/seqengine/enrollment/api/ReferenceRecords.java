package org.seqengine.enrollment.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.avro.specific.SpecificRecord;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;

/** Reads and upserts the caller's organization's reference records. */
@ApplicationScoped
class ReferenceRecords {

    @Inject
    Caller caller;

    @Inject
    EnrollmentQueries queries;

    @Inject
    ReferenceDataWriter writer;

    /** The record, or a 404 naming what was not found (also for another organization's ids). */
    <V extends SpecificRecord> V find(GlobalTable<V> table, String id) {
        return queries.record(table, caller.orgId(), id)
                .orElseThrow(() -> ApiException.notFound(table.label() + " not found."));
    }

    /** Returns the record once the global store shows it. */
    <V extends SpecificRecord> V write(GlobalTable<V> table, String id, V record) {
        return writer.upsert(table, caller.orgId(), id, record);
    }
}
