package org.seqengine.enrollment.bulk;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.kafka.KafkaClients;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.query.BoundedPoll;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.UnenrollJobRecord;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * Bulk unenroll. Creating a job resolves its targets from the enrollment indexes, then writes, in
 * ONE Kafka transaction, the job's request and one Unenroll command per target (command id
 * {@code unenroll-job/<job>/<enrollment>}). After the commit the commands topic is the job's durable
 * work queue: the decider applies each command exactly once, whichever instance owns the person and
 * however often instances die; a crash before the commit leaves no job and no command. Outcomes are
 * counted by {@link UnenrollJobProcessor} (one task per job, exactly once). No runner loop exists
 * that could run a job twice, and no record ever holds a job's targets.
 */
@ApplicationScoped
public class UnenrollJobs {

    private static final Logger LOG = Logger.getLogger(UnenrollJobs.class);

    public enum Selector { ENROLLMENT_IDS, SEQUENCE, COMPANY_DOMAINS }

    @Inject
    EnrollmentQueries queries;

    @Inject
    TargetResolver resolver;

    @Inject
    org.seqengine.enrollment.query.IndexBarrier indexBarrier;

    @Inject
    KafkaClients clients;

    @Inject
    EnrollmentConfig config;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    private KafkaProducer<byte[], byte[]> producer;

    void stop(@Observes ShutdownEvent ignored) {
        synchronized (this) {
            if (producer != null) producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * With an Idempotency-Key the job id is derived from it: a retry answers the job already created.
     * (A retry racing the first request's publication writes the same command ids again: the decider
     * answers them as duplicates, which are not counted, and the processor takes one request per job.)
     */
    public UnenrollJobRecord create(String orgId, Selector selector, List<String> enrollmentIds, String sequenceId,
                                    List<String> companyDomains, String reason, String idempotencyKey) {
        String jobId = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("unenroll-job/" + orgId + "/" + idempotencyKey)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        UnenrollJobRecord existing = find(orgId, jobId);
        if (existing != null) return existing;
        indexBarrier.await();
        TargetResolver.Targets targets = switch (selector) {
            case ENROLLMENT_IDS -> resolver.byEnrollmentIds(orgId, enrollmentIds);
            case SEQUENCE -> resolver.bySequence(orgId, sequenceId);
            case COMPANY_DOMAINS -> resolver.byCompanyDomains(orgId, companyDomains);
        };
        int total = targets.active().size() + targets.unmatched();
        if (total > config.unenrollJobs().maxTargets()) {
            throw ApiException.badRequest(FieldError.of("too_many_targets", "The job would have " + total
                    + " targets; at most " + config.unenrollJobs().maxTargets() + " are allowed per job: split it."));
        }
        Instant now = Instant.now();
        UnenrollJobRecord job = UnenrollJobRecord.newBuilder()
                .setOrgId(orgId).setId(jobId).setCreatedAt(now).setUpdatedAt(now)
                .setState(UnenrollJobProcessor.RUNNING).setSelectorKind(selector.name())
                .setEnrollmentIds(List.of()).setSequenceId(sequenceId)
                .setCompanyDomains(companyDomains == null ? List.of() : companyDomains.stream().limit(100).toList())
                .setTargets(List.of()).setResolved(true).setTotal(total)
                .setProcessed(targets.unmatched()).setUnenrolled(0).setSkipped(targets.unmatched()).setFailed(0)
                .setError(null).setFinishedAt(null).build();
        publish(job, targets.active(), reason);
        LOG.infof("unenroll job %s created (%s): %d targets, %d unmatched", job.getId(), selector,
                targets.active().size(), targets.unmatched());
        return awaitPublished(job);
    }

    public UnenrollJobRecord find(String orgId, String jobId) {
        return queries.record(GlobalTable.UNENROLL_JOBS, orgId, jobId).orElse(null);
    }

    private synchronized void publish(UnenrollJobRecord job, List<Enrollment> targets, String reason) {
        KafkaProducer<byte[], byte[]> p = producer();
        String jobKey = Keys.of(job.getOrgId(), job.getId());
        try {
            p.beginTransaction();
            p.send(record(Topics.UNENROLL_JOB_REQUESTS.name(), jobKey,
                    Topics.UNENROLL_JOB_REQUESTS.valueSerde().serializer().serialize(Topics.UNENROLL_JOB_REQUESTS.name(), job)));
            for (Enrollment target : targets) {
                CommandMeta meta = new CommandMeta(JobCommandIds.of(job.getId(), target.id()), job.getOrgId(),
                        target.personId(), job.getCreatedAt(), "unenroll-job:" + job.getId(),
                        reason == null ? "bulk unenroll" : reason);
                p.send(record(Topics.COMMANDS.name(), Keys.of(job.getOrgId(), target.personId()), Topics.COMMANDS.valueSerde()
                        .serializer().serialize(Topics.COMMANDS.name(), CommandMapper.toAvro(new EnrollmentCommand.Unenroll(meta, target.id())))));
            }
            p.commitTransaction();
        } catch (RuntimeException e) {
            LOG.errorf(e, "unenroll job %s could not be written; nothing of it was committed", job.getId());
            try {
                p.abortTransaction();
            } catch (RuntimeException abortFailed) {
                p.close(Duration.ZERO);
                producer = null;
            }
            throw ApiException.unavailable("The job could not be written to Kafka (nothing was unenrolled); retry.");
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, Topics.COMMANDS.keySerde().serializer().serialize(topic, key), value);
    }

    /**
     * One transactional producer per instance. Its id is the instance's advertised address, so a
     * restarted instance fences (and aborts) what a killed one left open at once, instead of holding
     * the command partitions' read_committed readers for a transaction timeout.
     */
    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = clients.base("enrollment-unenroll-jobs");
            props.put("transactional.id", "enrollment-unenroll-jobs-" + applicationServer);
            props.put("enable.idempotence", true);
            props.put("acks", "all");
            props.put("linger.ms", 5);
            props.put("transaction.timeout.ms", 60_000);
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        return producer;
    }

    /**
     * Answers with the job as accepted (RUNNING), once a GET on this instance finds it (bounded wait:
     * the job is durable either way).
     */
    private UnenrollJobRecord awaitPublished(UnenrollJobRecord job) {
        BoundedPoll.until(config.commandTimeout(), Duration.ofMillis(10), () -> find(job.getOrgId(), job.getId()) != null);
        return job;
    }
}
