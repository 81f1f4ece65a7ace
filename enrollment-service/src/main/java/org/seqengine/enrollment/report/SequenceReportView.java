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

    /**
     * @param people    distinct people with an enrollment in the sequence (all time only; null for the last 7 days)
     * @param companies distinct company domains of those enrollments (all time only)
     */
    public record Section(long enrollments, Long people, Long companies,
                          @JsonProperty("by_display_status") Map<String, Long> byDisplayStatus,
                          @JsonProperty("by_finish_reason") Map<String, Long> byFinishReason,
                          @JsonProperty("rejected_attempts") long rejectedAttempts,
                          @JsonProperty("rejected_by_code") Map<String, Long> rejectedByCode) {

        public static Section of(ReportCounts c, boolean distinctCounts) {
            Map<String, Long> rejected = c.withPrefix(ReportCounting.REJECTED);
            return new Section(c.count(ReportCounting.ENROLLMENTS),
                    distinctCounts ? c.count(ReportCounting.PEOPLE) : null,
                    distinctCounts ? c.count(ReportCounting.COMPANIES) : null, c.withPrefix(ReportCounting.STATUS),
                    c.withPrefix(ReportCounting.FINISH), rejected.values().stream().mapToLong(Long::longValue).sum(),
                    rejected);
        }
    }
}
