package org.seqengine.enrollment.bulk;

import java.util.HashMap;
import java.util.Map;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * What one target's reply did to its job: applied (unenrolled, restored, reassigned), skipped with
 * the decider's rejection code (already ended, excluded again, a step already sent, ...), or failed
 * (dead-lettered). Travels by job as text: {@code APPLIED}, {@code SKIPPED:<CODE>}, {@code FAILED}.
 */
public record JobOutcome(Type type, String reason) {

    public enum Type { APPLIED, SKIPPED, FAILED }

    private static final String SEPARATOR = ":";

    public static JobOutcome of(CommandReplyRecord reply) {
        if (reply.getErrorReference() != null) return new JobOutcome(Type.FAILED, null); // see the DLQ under this reference
        if (reply.getRejections().isEmpty()) return new JobOutcome(Type.APPLIED, null);
        return new JobOutcome(Type.SKIPPED, reply.getRejections().get(0).getCode());
    }

    public String encode() {
        return reason == null ? type.name() : type.name() + SEPARATOR + reason;
    }

    /** Also reads the outcomes of before kinds existed: UNENROLLED, SKIPPED, FAILED. */
    public static JobOutcome decode(String text) {
        int at = text.indexOf(SEPARATOR);
        String type = at < 0 ? text : text.substring(0, at);
        String reason = at < 0 ? null : text.substring(at + 1);
        return new JobOutcome("UNENROLLED".equals(type) ? Type.APPLIED : Type.valueOf(type), reason);
    }

    /** Counts this outcome on the job (in place: the record is the processor's own copy). */
    void countOn(UnenrollJobRecord job) {
        job.setProcessed(job.getProcessed() + 1);
        switch (type) {
            case APPLIED -> job.setUnenrolled(job.getUnenrolled() + 1);
            case SKIPPED -> {
                job.setSkipped(job.getSkipped() + 1);
                if (reason != null) addSkipped(job, Map.of(reason, 1));
            }
            case FAILED -> job.setFailed(job.getFailed() + 1);
        }
    }

    /** Adds skip counts by reason to the job's. */
    static void addSkipped(UnenrollJobRecord job, Map<String, Integer> byReason) {
        Map<String, Integer> merged = new HashMap<>(job.getSkippedByReason());
        byReason.forEach((code, n) -> merged.merge(code, n, Integer::sum));
        job.setSkippedByReason(merged);
    }
}
