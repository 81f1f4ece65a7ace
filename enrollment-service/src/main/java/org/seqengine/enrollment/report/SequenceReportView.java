package org.seqengine.enrollment.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /sequences/{id}/report}: the sequence's enrollments by display status and finish reason, and
 * its rejected enrollment attempts by rejection code, over all time and over the last 7 days (enrollments
 * made, and attempts rejected, on those UTC days, today included).
 */
public record SequenceReportView(@JsonProperty("sequence_id") String sequenceId, @JsonProperty("as_of") Instant asOf,
                                 @JsonProperty("all_time") Section allTime,
                                 @JsonProperty("last_7_days") Section last7Days) {

    public record Section(long enrollments,
                          @JsonProperty("by_display_status") Map<String, Long> byDisplayStatus,
                          @JsonProperty("by_finish_reason") Map<String, Long> byFinishReason,
                          @JsonProperty("rejected_attempts") long rejectedAttempts,
                          @JsonProperty("rejected_by_code") Map<String, Long> rejectedByCode) {

        public static Section of(ReportCounts c) {
            Map<String, Long> rejected = c.withPrefix(ReportCounting.REJECTED);
            return new Section(c.count(ReportCounting.ENROLLMENTS), c.withPrefix(ReportCounting.STATUS),
                    c.withPrefix(ReportCounting.FINISH), rejected.values().stream().mapToLong(Long::longValue).sum(),
                    rejected);
        }
    }
}
