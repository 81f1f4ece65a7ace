package org.seqengine.enrollment.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.report.ReportCounting;
import org.seqengine.enrollment.report.ReportCounts;
import org.seqengine.enrollment.report.SequenceReportView;
import org.seqengine.enrollment.streams.SequenceReportKeys;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.schemas.Keys;
import org.seqengine.service.error.ApiException;

/**
 * Reads a sequence's report where it lives: the {@code sequence-report} store is partitioned by
 * sequence (its own repartition topic), so its owner is the instance running that partition's task.
 */
@ApplicationScoped
public class SequenceReports {

    static final String INTERNAL_PATH = "/internal/v1/sequence-reports";

    /** The buckets a report is made of: all time, and the sum of the last 7 days' buckets. */
    public record Buckets(ReportCounts allTime, ReportCounts last7Days) {}

    @Inject
    EnrollmentQueries queries;

    @Inject
    ClusterRouter router;

    @Inject
    ObjectMapper json;

    public SequenceReportView report(String orgId, String sequenceId, Instant now) {
        String key = Keys.of(orgId, sequenceId);
        String today = ReportCounting.day(now);
        KeyQueryMetadata owner = router.owner(StoreNames.SEQUENCE_REPORT, key);
        Buckets buckets;
        if (router.isSelf(owner.activeHost())) {
            buckets = local(key, today);
        } else {
            buckets = router.get(owner.activeHost(), INTERNAL_PATH, Map.of("key", key, "today", today))
                    .map(n -> {
                        try {
                            return json.treeToValue(n, Buckets.class);
                        } catch (JsonProcessingException e) {
                            throw ApiException.unavailable("Another instance answered in an unexpected form; retry shortly.");
                        }
                    })
                    .orElse(new Buckets(ReportCounts.empty(), ReportCounts.empty()));
        }
        return new SequenceReportView(sequenceId, now, SequenceReportView.Section.of(buckets.allTime(), true),
                SequenceReportView.Section.of(buckets.last7Days(), false));
    }

    /** This instance's buckets of the sequence (key org/sequence), the last 7 days ending {@code today}. */
    Buckets local(String key, String today) {
        ReadOnlyKeyValueStore<String, ReportCounts> store = queries.store(StoreNames.SEQUENCE_REPORT);
        ReportCounts all = store.get(SequenceReportKeys.all(key));
        ReportCounts week = ReportCounts.empty();
        LocalDate day = LocalDate.parse(today);
        for (int i = 0; i < 7; i++) {
            ReportCounts bucket = store.get(SequenceReportKeys.day(key, day.minusDays(i).toString()));
            if (bucket != null) week = week.plus(bucket.counts());
        }
        return new Buckets(all == null ? ReportCounts.empty() : all, week);
    }
}
