package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.Map;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * A restore job: reopens the enrollments {@code rule_id} ended as Excluded at or after {@code since}.
 * {@code restored + skipped + failed == total} once COMPLETED; {@code skipped_by_reason} counts
 * each refused reopen under the decider's code (ALREADY_ENROLLED_ACTIVE, OPTED_OUT, DO_NOT_EMAIL,
 * EXCLUDED, SEQUENCE_NOT_PUBLISHED, MAILBOX_NOT_FOUND, ENROLLMENT_NOT_EXCLUDED, COMPANY_LIMIT_REACHED, ...).
 */
public record RestoreJobView(String id, String kind, String state, String ruleId, Instant since, int total,
                             int processed, int restored, int skipped, Map<String, Integer> skippedByReason, int failed,
                             Instant createdAt, Instant updatedAt, Instant finishedAt, String error) {

    public static RestoreJobView of(UnenrollJobRecord job) {
        return new RestoreJobView(job.getId(), job.getKind(), job.getState(), job.getRuleId(), job.getSince(),
                job.getTotal(), job.getProcessed(), job.getUnenrolled(), job.getSkipped(), UnenrollJobView.byReason(job),
                job.getFailed(), job.getCreatedAt(), job.getUpdatedAt(), job.getFinishedAt(), job.getError());
    }
}
