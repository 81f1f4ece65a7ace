package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.Map;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * An upgrade job: moves the sequence's active enrollments (queued and started) on older versions to
 * {@code to_version}, each keeping its step position. {@code upgraded + skipped + failed == total}
 * once COMPLETED; {@code skipped_by_reason}: ALREADY_AT_VERSION, ENROLLMENT_NOT_ACTIVE (finished
 * meanwhile), ENROLLMENT_NOT_FOUND.
 */
public record UpgradeJobView(String id, String kind, String state, String sequenceId, Integer toVersion, int total,
                             int processed, int upgraded, int skipped, Map<String, Integer> skippedByReason, int failed,
                             Instant createdAt, Instant updatedAt, Instant finishedAt, String error) {

    public static UpgradeJobView of(UnenrollJobRecord job) {
        return new UpgradeJobView(job.getId(), job.getKind(), job.getState(), job.getSequenceId(), job.getToVersion(),
                job.getTotal(), job.getProcessed(), job.getUnenrolled(), job.getSkipped(), UnenrollJobView.byReason(job),
                job.getFailed(), job.getCreatedAt(), job.getUpdatedAt(), job.getFinishedAt(), job.getError());
    }
}
