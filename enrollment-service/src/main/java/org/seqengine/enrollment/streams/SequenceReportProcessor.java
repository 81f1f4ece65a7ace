package org.seqengine.enrollment.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
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
        add(SequenceReportKeys.all(record.key()), delta);
        add(SequenceReportKeys.day(record.key(), delta.day()), delta);
    }

    private void add(String key, ReportDelta delta) {
        ReportCounts current = report.get(key);
        ReportCounts next = (current == null ? ReportCounts.empty() : current).plus(delta.counts());
        if (next.counts().isEmpty()) {
            report.delete(key);
        } else {
            report.put(key, next);
        }
    }
}
