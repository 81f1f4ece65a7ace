package org.seqengine.enrollment.streams;

import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.enrollment.report.ReportCounting;
import org.seqengine.enrollment.report.ReportCounts;
import org.seqengine.enrollment.report.ReportDelta;

/**
 * Sums report deltas (keyed org/sequence, one task per sequence) into the {@link StoreNames#SEQUENCE_REPORT}
 * store: {@code org/sequence/all} and one bucket per day {@code org/sequence/day/<yyyy-MM-dd>}. Exactly-once:
 * the counts are exact after each commit, whatever crashes in between.
 */
final class SequenceReportProcessor implements Processor<String, ReportDelta, Void, Void> {

    private KeyValueStore<String, ReportCounts> report;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        report = context.getStateStore(StoreNames.SEQUENCE_REPORT);
    }

    @Override
    public void process(Record<String, ReportDelta> record) {
        ReportDelta delta = record.value();
        if (record.key() == null || delta == null || delta.isEmpty()) return;
        add(SequenceReportKeys.all(record.key()), delta.counts());
        add(SequenceReportKeys.day(record.key(), delta.day()), delta.counts());
        ReportDelta.Member member = delta.member();
        if (member != null) {
            countDistinct(record.key(), SequenceReportKeys.person(record.key(), member.personId()), member.change(),
                    ReportCounting.PEOPLE);
            if (member.companyDomain() != null) {
                countDistinct(record.key(), SequenceReportKeys.company(record.key(), member.companyDomain()),
                        member.change(), ReportCounting.COMPANIES);
            }
        }
    }

    /** The member's enrollments in the sequence; the distinct counter moves when they go from 0 to 1 or 1 to 0. */
    private void countDistinct(String sequenceKey, String memberKey, int change, String counter) {
        ReportCounts held = report.get(memberKey);
        long before = held == null ? 0 : held.count(MEMBER_ENROLLMENTS);
        long after = Math.max(0, before + change);
        add(memberKey, Map.of(MEMBER_ENROLLMENTS, after - before));
        if (before == 0 && after > 0) add(SequenceReportKeys.all(sequenceKey), Map.of(counter, 1L));
        if (before > 0 && after == 0) add(SequenceReportKeys.all(sequenceKey), Map.of(counter, -1L));
    }

    private static final String MEMBER_ENROLLMENTS = "n";

    private void add(String key, Map<String, Long> delta) {
        ReportCounts current = report.get(key);
        ReportCounts next = (current == null ? ReportCounts.empty() : current).plus(delta);
        if (next.counts().isEmpty()) {
            report.delete(key);
        } else {
            report.put(key, next);
        }
    }
}
