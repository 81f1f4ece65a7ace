package org.seqengine.enrollment.bulk;

import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/** What one target's reply did to its job: unenrolled, skipped (already ended or gone) or failed. */
public enum JobOutcome {
    UNENROLLED, SKIPPED, FAILED;

    public static JobOutcome of(CommandReplyRecord reply) {
        if (reply.getErrorReference() != null) return FAILED; // dead-lettered: see the DLQ under this reference
        if (reply.getRejections().isEmpty()) return UNENROLLED;
        String code = reply.getRejections().get(0).getCode();
        return RejectionCode.ENROLLMENT_NOT_ACTIVE.name().equals(code) || RejectionCode.ENROLLMENT_NOT_FOUND.name().equals(code)
                ? SKIPPED : FAILED;
    }

    /** Counts this outcome on the job (in place: the record is the processor's own copy). */
    void countOn(UnenrollJobRecord job) {
        job.setProcessed(job.getProcessed() + 1);
        switch (this) {
            case UNENROLLED -> job.setUnenrolled(job.getUnenrolled() + 1);
            case SKIPPED -> job.setSkipped(job.getSkipped() + 1);
            case FAILED -> job.setFailed(job.getFailed() + 1);
        }
    }
}
