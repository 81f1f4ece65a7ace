package org.seqengine.enrollment.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/**
 * Owns each bulk job of every {@link JobKind} (key org/job, so exactly one task, on one instance, counts a job): it
 * takes the job's request and its targets' outcomes, counts each outcome once (exactly-once with
 * the input offsets), completes the job when every target is settled, publishes progress to
 * {@code enrollment.unenroll-jobs.v1} at most once per interval, and expires finished jobs after the
 * retention period (a tombstone).
 */
public final class UnenrollJobProcessor implements Processor<String, Object, String, UnenrollJobRecord> {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";

    private final Duration retention;
    private final Duration publishInterval;
    private ProcessorContext<String, UnenrollJobRecord> context;
    private KeyValueStore<String, UnenrollJobRecord> jobs;
    /** Progress last published per job; empty after a restart, so every running job is published again. */
    private final Map<String, Integer> published = new HashMap<>();

    public UnenrollJobProcessor(Duration retention, Duration publishInterval) {
        this.retention = retention;
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, UnenrollJobRecord> context) {
        this.context = context;
        this.jobs = context.getStateStore(StoreNames.UNENROLL_JOB_STATES);
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publishAndExpire);
    }

    @Override
    public void process(Record<String, Object> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        UnenrollJobRecord stored = jobs.get(record.key());
        UnenrollJobRecord job;
        if (record.value() instanceof UnenrollJobRecord request) {
            if (stored != null && stored.getResolved()) return; // a request is taken once
            job = request;
            job.setResolved(true);
            if (stored != null) { // outcomes that overtook their request
                job.setProcessed(job.getProcessed() + stored.getProcessed());
                job.setUnenrolled(job.getUnenrolled() + stored.getUnenrolled());
                job.setSkipped(job.getSkipped() + stored.getSkipped());
                job.setFailed(job.getFailed() + stored.getFailed());
                JobOutcome.addSkipped(job, stored.getSkippedByReason());
            }
        } else if (record.value() instanceof String outcome) {
            job = stored != null ? stored : placeholder(record.key(), now);
            JobOutcome.decode(outcome).countOn(job);
        } else {
            return;
        }
        job.setUpdatedAt(now);
        boolean finished = job.getResolved() && RUNNING.equals(job.getState()) && job.getProcessed() >= job.getTotal();
        if (finished) {
            job.setState(COMPLETED);
            job.setFinishedAt(now);
        }
        jobs.put(record.key(), job);
        if (finished || record.value() instanceof UnenrollJobRecord) publish(record.key(), job);
    }

    private void publishAndExpire(long nowMs) {
        Instant expiredBefore = Instant.ofEpochMilli(nowMs).minus(retention);
        List<String> expired = new java.util.ArrayList<>();
        try (KeyValueIterator<String, UnenrollJobRecord> it = jobs.all()) {
            while (it.hasNext()) {
                KeyValue<String, UnenrollJobRecord> kv = it.next();
                UnenrollJobRecord job = kv.value;
                if (job.getFinishedAt() != null && job.getFinishedAt().isBefore(expiredBefore)) {
                    expired.add(kv.key);
                } else if (job.getResolved() && !Integer.valueOf(job.getProcessed()).equals(published.get(kv.key))) {
                    publish(kv.key, job);
                }
            }
        }
        for (String key : expired) {
            jobs.delete(key);
            published.remove(key);
            context.forward(new Record<>(key, null, nowMs));
        }
    }

    private void publish(String key, UnenrollJobRecord job) {
        published.put(key, job.getProcessed());
        context.forward(new Record<>(key, job, context.currentSystemTimeMs()));
    }

    private static UnenrollJobRecord placeholder(String key, Instant now) {
        String[] parts = key.split("/", 2);
        return UnenrollJobRecord.newBuilder().setOrgId(parts[0]).setId(parts.length > 1 ? parts[1] : key)
                .setCreatedAt(now).setUpdatedAt(now).setState(RUNNING).setSelectorKind("UNKNOWN")
                .setEnrollmentIds(List.of()).setSequenceId(null).setCompanyDomains(List.of()).setTargets(List.of())
                .setResolved(false).setTotal(0).setProcessed(0).setUnenrolled(0).setSkipped(0).setFailed(0)
                .setError(null).setFinishedAt(null).build();
    }
}
