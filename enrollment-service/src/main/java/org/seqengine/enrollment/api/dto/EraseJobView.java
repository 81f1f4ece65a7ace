package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.Map;
import org.seqengine.enrollment.bulk.UnenrollJobs;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * An erase job: erases one person ({@code person_id}, its one target). {@code erased} is 1 once the
 * decider carried it out (ended the active enrollments with PERSON_ERASED, kept the history without
 * personal values, shredded the person's key, removed their records and suppressed their email);
 * {@code failed} 1 if the command was dead-lettered. A person unknown to the system is erased too
 * (nothing to remove): erasing is idempotent.
 */
public record EraseJobView(String id, String kind, String state, String personId, int total, int processed, int erased,
                           int skipped, Map<String, Integer> skippedByReason, int failed,
                           Instant createdAt, Instant updatedAt, Instant finishedAt, String error) {

    public static EraseJobView of(UnenrollJobRecord job) {
        return new EraseJobView(job.getId(), job.getKind(), job.getState(), UnenrollJobs.erasedPersonOf(job),
                job.getTotal(), job.getProcessed(), job.getUnenrolled(), job.getSkipped(), UnenrollJobView.byReason(job),
                job.getFailed(), job.getCreatedAt(), job.getUpdatedAt(), job.getFinishedAt(), job.getError());
    }
}
