package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * A bulk unenroll job and its progress. {@code total} counts every target (given ids that matched no
 * active enrollment included, as skipped); the job is COMPLETED when {@code processed == total}, and
 * then {@code unenrolled + skipped + failed == total}.
 */
public record UnenrollJobView(String id, String state, String selector, String sequenceId, int total, int processed,
                              int unenrolled, int skipped, int failed, Instant createdAt, Instant updatedAt,
                              Instant finishedAt, String error) {

    public static UnenrollJobView of(UnenrollJobRecord job) {
        return new UnenrollJobView(job.getId(), job.getState(), job.getSelectorKind(), job.getSequenceId(), job.getTotal(),
                job.getProcessed(), job.getUnenrolled(), job.getSkipped(), job.getFailed(), job.getCreatedAt(),
                job.getUpdatedAt(), job.getFinishedAt(), job.getError());
    }
}
