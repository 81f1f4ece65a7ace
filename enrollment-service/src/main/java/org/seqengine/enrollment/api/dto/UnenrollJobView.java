package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * A bulk unenroll job and its progress. {@code total} counts every target (given ids that matched no
 * active enrollment included, as skipped); the job is COMPLETED when {@code processed == total}, and
 * then {@code unenrolled + skipped + failed == total}. {@code skipped_by_reason} counts the skipped
 * ones by code ({@code ENROLLMENT_NOT_ACTIVE}, {@code NO_ACTIVE_ENROLLMENT} for given ids matching none, ...).
 */
public record UnenrollJobView(String id, String kind, String state, String selector, String sequenceId, int total,
                              int processed, int unenrolled, int skipped, Map<String, Integer> skippedByReason,
                              int failed, Instant createdAt, Instant updatedAt, Instant finishedAt, String error) {

    public static UnenrollJobView of(UnenrollJobRecord job) {
        return new UnenrollJobView(job.getId(), "UNENROLL", job.getState(), job.getSelectorKind(), job.getSequenceId(),
                job.getTotal(), job.getProcessed(), job.getUnenrolled(), job.getSkipped(), byReason(job), job.getFailed(),
                job.getCreatedAt(), job.getUpdatedAt(), job.getFinishedAt(), job.getError());
    }

    /** Skip counts by reason, in code order. */
    static Map<String, Integer> byReason(UnenrollJobRecord job) {
        return new TreeMap<>(job.getSkippedByReason());
    }
}
