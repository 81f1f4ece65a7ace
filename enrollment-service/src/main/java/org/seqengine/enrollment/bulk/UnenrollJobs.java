package org.seqengine.enrollment.bulk;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.kafka.CommandGateway;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;
import org.seqengine.schemas.avro.UnenrollTargetRecord;

/**
 * Bulk unenroll: a job resolves its targets once, then sends Unenroll commands in batches, saving
 * its progress to the compacted jobs topic after each batch. Command ids are derived from the job
 * and the enrollment, so a job resumed after a crash re-sends a batch without unenrolling twice:
 * a job is never partially forgotten. Job records are updated in place (each is a fresh copy
 * decoded from the store, owned by the single runner thread) rather than through
 * {@code newBuilder(record)}, whose deep copy resolves classes through Avro's class loader.
 */
@ApplicationScoped
public class UnenrollJobs {

    private static final Logger LOG = Logger.getLogger(UnenrollJobs.class);
    static final int BATCH_SIZE = 500;

    public enum Selector { ENROLLMENT_IDS, SEQUENCE, COMPANY_DOMAINS }

    @Inject
    EnrollmentQueries queries;

    @Inject
    ReferenceDataWriter writer;

    @Inject
    CommandGateway gateway;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unenroll-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    public UnenrollJobRecord create(String orgId, Selector selector, List<String> enrollmentIds, String sequenceId,
                                    List<String> companyDomains) {
        Instant now = Instant.now();
        UnenrollJobRecord job = UnenrollJobRecord.newBuilder()
                .setOrgId(orgId).setId(UUID.randomUUID().toString()).setCreatedAt(now).setUpdatedAt(now)
                .setState("RUNNING").setSelectorKind(selector.name())
                .setEnrollmentIds(enrollmentIds == null ? List.of() : enrollmentIds).setSequenceId(sequenceId)
                .setCompanyDomains(companyDomains == null ? List.of() : companyDomains)
                .setTargets(List.of()).setResolved(false)
                .setProcessed(0).setUnenrolled(0).setSkipped(0).setFailed(0).setError(null)
                .build();
        save(job);
        submit(job.getOrgId() + "/" + job.getId());
        LOG.infof("unenroll job %s created (%s)", job.getId(), selector);
        return job;
    }

    public UnenrollJobRecord find(String orgId, String jobId) {
        return queries.record(GlobalTable.UNENROLL_JOBS, orgId, jobId).orElse(null);
    }

    /** Picks up jobs left RUNNING by a previous process (crash or restart). */
    @Scheduled(every = "${enrollment.unenroll-jobs.resume-every:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeUnfinished() {
        try {
            ReadOnlyKeyValueStore<String, UnenrollJobRecord> store = queries.store(GlobalTable.UNENROLL_JOBS);
            try (KeyValueIterator<String, UnenrollJobRecord> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, UnenrollJobRecord> kv = it.next();
                    if ("RUNNING".equals(kv.value.getState()) && !running.contains(kv.key)) {
                        LOG.infof("resuming unenroll job %s at %d processed", kv.value.getId(), kv.value.getProcessed());
                        submit(kv.key);
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            // Streams not running yet; the next tick retries.
        }
    }

    private void submit(String jobKey) {
        if (running.add(jobKey)) {
            runner.submit(() -> {
                try {
                    run(jobKey);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "unenroll job %s interrupted; it resumes on the next check", jobKey);
                } finally {
                    running.remove(jobKey);
                }
            });
        }
    }

    private void run(String jobKey) {
        UnenrollJobRecord job = queries.store(GlobalTable.UNENROLL_JOBS).get(jobKey);
        if (job == null || !"RUNNING".equals(job.getState())) return;
        if (!job.getResolved()) {
            job = resolve(job);
            save(job);
        }
        List<UnenrollTargetRecord> targets = job.getTargets();
        while (job.getProcessed() < targets.size()) {
            List<UnenrollTargetRecord> batch = targets.subList(job.getProcessed(),
                    Math.min(targets.size(), job.getProcessed() + BATCH_SIZE));
            job = runBatch(job, batch);
            save(job);
        }
        job.setState("COMPLETED");
        job.setUpdatedAt(Instant.now());
        save(job);
        LOG.infof("unenroll job %s completed: %d unenrolled, %d skipped, %d failed", job.getId(), job.getUnenrolled(),
                job.getSkipped(), job.getFailed());
    }

    private UnenrollJobRecord runBatch(UnenrollJobRecord job, List<UnenrollTargetRecord> batch) {
        List<CompletableFuture<CommandReplyRecord>> replies = new ArrayList<>();
        for (UnenrollTargetRecord target : batch) {
            String commandId = UUID.nameUUIDFromBytes(("unenroll-job/" + job.getId() + "/" + target.getEnrollmentId())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            CommandMeta meta = new CommandMeta(commandId, job.getOrgId(), target.getPersonId(), Instant.now(),
                    "unenroll-job:" + job.getId(), "bulk unenroll");
            replies.add(gateway.send(new EnrollmentCommand.Unenroll(meta, target.getEnrollmentId())));
        }
        int unenrolled = 0;
        int skipped = 0;
        int failed = 0;
        for (CompletableFuture<CommandReplyRecord> future : replies) {
            try {
                CommandReplyRecord reply = future.join(); // bounded: the gateway times every command out
                if (reply.getErrorReference() != null) {
                    failed++; // dead-lettered: see the DLQ under this reference
                } else if (reply.getRejections().isEmpty()) {
                    unenrolled++;
                } else if (isAlreadyEnded(reply.getRejections().get(0).getCode())) {
                    skipped++;
                } else {
                    failed++;
                }
            } catch (RuntimeException e) {
                failed++;
            }
        }
        job.setProcessed(job.getProcessed() + batch.size());
        job.setUnenrolled(job.getUnenrolled() + unenrolled);
        job.setSkipped(job.getSkipped() + skipped);
        job.setFailed(job.getFailed() + failed);
        job.setUpdatedAt(Instant.now());
        return job;
    }

    private static boolean isAlreadyEnded(String code) {
        return RejectionCode.ENROLLMENT_NOT_ACTIVE.name().equals(code) || RejectionCode.ENROLLMENT_NOT_FOUND.name().equals(code);
    }

    /** Finds the active enrollments the selector names; unknown or already-ended ids count as skipped. */
    private UnenrollJobRecord resolve(UnenrollJobRecord job) {
        String orgId = job.getOrgId();
        List<UnenrollTargetRecord> targets = new ArrayList<>();
        int skipped = 0;
        switch (Selector.valueOf(job.getSelectorKind())) {
            case ENROLLMENT_IDS -> {
                for (String id : new java.util.LinkedHashSet<>(job.getEnrollmentIds())) {
                    var enrollment = queries.enrollment(orgId, id).filter(Enrollment::isActive);
                    if (enrollment.isPresent()) {
                        targets.add(new UnenrollTargetRecord(enrollment.get().personId(), id));
                    } else {
                        skipped++;
                    }
                }
            }
            case SEQUENCE -> queries.enrollments(orgId, e -> e.isActive() && e.sequenceId().equals(job.getSequenceId()))
                    .forEach(e -> targets.add(new UnenrollTargetRecord(e.personId(), e.id())));
            case COMPANY_DOMAINS -> {
                Set<String> domains = new HashSet<>(job.getCompanyDomains());
                Set<String> people = new HashSet<>();
                ReadOnlyKeyValueStore<String, PersonRecord> peopleStore = queries.store(GlobalTable.PEOPLE);
                try (KeyValueIterator<String, PersonRecord> it = peopleStore.prefixScan(orgId + "/",
                        new org.apache.kafka.common.serialization.StringSerializer())) {
                    it.forEachRemaining(kv -> {
                        if (kv.value.getCompanyDomain() != null && domains.contains(kv.value.getCompanyDomain())) {
                            people.add(kv.value.getId());
                        }
                    });
                }
                for (String personId : people) {
                    queries.personState(orgId, personId).active()
                            .ifPresent(e -> targets.add(new UnenrollTargetRecord(personId, e.id())));
                }
            }
        }
        job.setTargets(targets);
        job.setResolved(true);
        job.setSkipped(skipped);
        job.setUpdatedAt(Instant.now());
        return job;
    }

    private void save(UnenrollJobRecord job) {
        writer.upsert(GlobalTable.UNENROLL_JOBS, job.getOrgId(), job.getId(), job);
    }
}
