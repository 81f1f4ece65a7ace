package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * A reassign-queued job: moves the sequence's queued enrollments to the least-loaded of
 * {@code mailbox_emails}. {@code reassigned + skipped + failed == total} once COMPLETED;
 * {@code skipped_by_reason}: STEP_ALREADY_SENT (started: the mailbox never changes after step 1),
 * ALREADY_ON_MAILBOX, ENROLLMENT_NOT_ACTIVE, MAILBOX_NOT_FOUND.
 */
public record ReassignJobView(String id, String kind, String state, String sequenceId, List<String> mailboxEmails,
                              int total, int processed, int reassigned, int skipped, Map<String, Integer> skippedByReason,
                              int failed, Instant createdAt, Instant updatedAt, Instant finishedAt, String error) {

    public static ReassignJobView of(UnenrollJobRecord job) {
        return new ReassignJobView(job.getId(), job.getKind(), job.getState(), job.getSequenceId(), job.getMailboxEmails(),
                job.getTotal(), job.getProcessed(), job.getUnenrolled(), job.getSkipped(), UnenrollJobView.byReason(job),
                job.getFailed(), job.getCreatedAt(), job.getUpdatedAt(), job.getFinishedAt(), job.getError());
    }
}
