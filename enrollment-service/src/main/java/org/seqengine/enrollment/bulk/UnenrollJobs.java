package org.seqengine.enrollment.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.kafka.TransactionalSender;
import org.seqengine.enrollment.kafka.TransactionalSenders;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.enrollment.query.BoundedPoll;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.IndexBarrier;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.UnenrollJobRecord;
import org.seqengine.schemas.avro.UnenrollTargetRecord;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * Bulk jobs of every {@link JobKind}: unenroll, restore (reopen what a rule excluded),
 * reassign-queued, upgrade (to a sequence's latest version) and erase (one person's personal data). Creating a job resolves its targets
 * from the enrollment indexes, then writes, in ONE Kafka transaction, the job's request and one
 * command per target (command id {@code <kind>-job/<job>/<target>}, the target an enrollment or, erasing, the person). After the commit the
 * commands topic is the job's durable work queue: the decider applies each command exactly once, whichever instance owns the person and
 * however often instances die; a crash before the commit leaves no job and no command. Outcomes are
 * counted by {@link UnenrollJobProcessor} (one task per job, exactly once): applied, skipped under
 * the decider's rejection code, or failed. No runner loop exists that could run a job twice, and no
 * record ever holds a job's targets.
 */
@ApplicationScoped
public class UnenrollJobs {

    private static final Logger LOG = Logger.getLogger(UnenrollJobs.class);
    /** Skip reason of a queued enrollment already on one of the given mailboxes (it stays there). */
    static final String ALREADY_ON_MAILBOX = "ALREADY_ON_MAILBOX";

    public enum Selector { ENROLLMENT_IDS, SEQUENCE, COMPANY_DOMAINS, RULE, PERSON }

    @Inject
    EnrollmentQueries queries;

    @Inject
    TargetResolver resolver;

    @Inject
    IndexBarrier indexBarrier;

    @Inject
    EnrollmentConfig config;


    @Inject
    TransactionalSenders senders;

    /** What a job does: its record (without id and counts), its targets, and the command for each. */
    private record Plan(UnenrollJobRecord.Builder job, TargetResolver.Targets targets, String reason,
                        BiFunction<CommandMeta, TargetResolver.Target, EnrollmentCommand> command) {}

    /**
     * A bulk unenroll. With an Idempotency-Key the job id is derived from it: a retry answers the job
     * already created. (A retry racing the first request's publication writes the same command ids
     * again: the decider answers them as duplicates, which are not counted, and the processor takes
     * one request per job.)
     */
    public UnenrollJobRecord create(String orgId, Selector selector, List<String> enrollmentIds, String sequenceId,
                                    List<String> companyDomains, String reason, String idempotencyKey) {
        return start(JobKind.UNENROLL, orgId, idempotencyKey, () -> {
            TargetResolver.Targets targets = switch (selector) {
                case ENROLLMENT_IDS -> resolver.byEnrollmentIds(orgId, enrollmentIds);
                case SEQUENCE -> resolver.bySequence(orgId, sequenceId);
                case COMPANY_DOMAINS -> resolver.byCompanyDomains(orgId, companyDomains);
                case RULE, PERSON -> throw new IllegalArgumentException("not an unenroll selector");
            };
            return new Plan(newJob(selector).setSequenceId(sequenceId)
                    .setCompanyDomains(companyDomains == null ? List.of() : companyDomains.stream().limit(100).toList()),
                    targets, reason == null ? "bulk unenroll" : reason,
                    (meta, target) -> new EnrollmentCommand.Unenroll(meta, target.id()));
        });
    }

    /** Reopens the enrollments {@code ruleId} ended as Excluded at or after {@code since}, each if its person is eligible now. */
    public UnenrollJobRecord restore(String orgId, String ruleId, Instant since, String idempotencyKey) {
        return start(JobKind.RESTORE, orgId, idempotencyKey, () -> new Plan(
                newJob(Selector.RULE).setRuleId(ruleId).setSince(since.truncatedTo(ChronoUnit.MILLIS)),
                resolver.excludedBy(orgId, ruleId, since), "restore exclusions of rule " + ruleId,
                (meta, target) -> new EnrollmentCommand.ReopenEnrollment(meta, target.id(), ruleId, jobIdOf(meta))));
    }

    /**
     * Moves each queued enrollment of the sequence to the least-loaded of {@code mailboxes} (counting
     * the ones this job assigns). Started ones are skipped (STEP_ALREADY_SENT; the decider checks
     * again), as are queued ones already on one of the mailboxes.
     */
    public UnenrollJobRecord reassignQueued(String orgId, String sequenceId, List<Mailbox> mailboxes, List<String> emails,
                                            String idempotencyKey) {
        return start(JobKind.REASSIGN_QUEUED, orgId, idempotencyKey, () -> {
            ReferenceData reference = queries.reference(orgId);
            Map<String, Long> load = new HashMap<>();
            mailboxes.forEach(m -> load.put(m.id(), reference.activeEnrollments(m.id())));
            Map<String, String> assigned = new HashMap<>();
            List<Enrollment> commanded = new ArrayList<>();
            Map<String, Integer> skipped = new HashMap<>();
            for (Enrollment e : resolver.activeOfSequence(orgId, sequenceId)) {
                if (e.stepsCompleted() > 0) {
                    skipped.merge(RejectionCode.STEP_ALREADY_SENT.name(), 1, Integer::sum);
                } else if (load.containsKey(e.mailboxId())) {
                    skipped.merge(ALREADY_ON_MAILBOX, 1, Integer::sum);
                } else {
                    Mailbox least = mailboxes.get(0);
                    for (Mailbox m : mailboxes) if (load.get(m.id()) < load.get(least.id())) least = m;
                    load.merge(least.id(), 1L, Long::sum);
                    assigned.put(e.id(), least.id());
                    commanded.add(e);
                }
            }
            return new Plan(newJob(Selector.SEQUENCE).setSequenceId(sequenceId).setMailboxEmails(List.copyOf(emails)),
                    TargetResolver.Targets.of(commanded, skipped), "reassign queued enrollments",
                    (meta, target) -> new EnrollmentCommand.ReassignMailbox(meta, target.id(), assigned.get(target.id())));
        });
    }

    /**
     * Moves each active enrollment of the sequence (queued or started) on a version older than
     * {@code toVersion} to it, keeping its step position (the decider checks again: ALREADY_AT_VERSION).
     * Those already on it are skipped at once under that code.
     */
    public UnenrollJobRecord upgrade(String orgId, String sequenceId, int toVersion, String idempotencyKey) {
        return start(JobKind.UPGRADE, orgId, idempotencyKey, () -> {
            List<Enrollment> older = new ArrayList<>();
            int current = 0;
            for (Enrollment e : resolver.activeOfSequence(orgId, sequenceId)) {
                if (e.sequenceVersion() < toVersion) older.add(e);
                else current++;
            }
            return new Plan(newJob(Selector.SEQUENCE).setSequenceId(sequenceId).setToVersion(toVersion),
                    TargetResolver.Targets.of(older, current == 0 ? Map.of() : Map.of(RejectionCode.ALREADY_AT_VERSION.name(), current)),
                    "upgrade to version " + toVersion,
                    (meta, target) -> new EnrollmentCommand.UpgradeEnrollment(meta, target.id(), toVersion, jobIdOf(meta)));
        });
    }

    /**
     * Erases the person (one target, one {@code ErasePerson} command with id
     * {@code erase-job/<job>/<person_id>}): the decider ends their active enrollments, keeps the
     * history without personal values, shreds their key and suppresses their email. The job's one
     * target record names the person (no enrollment). The Idempotency-Key is scoped to the person:
     * the same key for another person is another job, never the first person's answer.
     */
    public UnenrollJobRecord erase(String orgId, String personId, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : personId + "/" + idempotencyKey;
        return start(JobKind.ERASE, orgId, key, () -> new Plan(
                newJob(Selector.PERSON).setTargets(List.of(new UnenrollTargetRecord(personId, ""))),
                resolver.person(personId), "erase person",
                (meta, target) -> new EnrollmentCommand.ErasePerson(meta, jobIdOf(meta))));
    }

    /** The person an ERASE job erases (its one target record), or null for other kinds. */
    public static String erasedPersonOf(UnenrollJobRecord job) {
        return JobKind.of(job.getKind()) != JobKind.ERASE || job.getTargets().isEmpty() ? null
                : job.getTargets().get(0).getPersonId();
    }

    public UnenrollJobRecord find(String orgId, String jobId) {
        return queries.record(GlobalTable.UNENROLL_JOBS, orgId, jobId).orElse(null);
    }

    /** The job if it exists and is of this kind (another kind's job is not found under this kind's path). */
    public UnenrollJobRecord find(String orgId, String jobId, JobKind kind) {
        UnenrollJobRecord job = find(orgId, jobId);
        return job != null && JobKind.of(job.getKind()) == kind ? job : null;
    }

    private UnenrollJobRecord start(JobKind kind, String orgId, String idempotencyKey, java.util.function.Supplier<Plan> planner) {
        String jobId = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((kind.commandIdPrefix() + orgId + "/" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString();
        UnenrollJobRecord existing = find(orgId, jobId);
        if (existing != null) return existing;
        indexBarrier.await();
        Plan plan = planner.get();
        TargetResolver.Targets targets = plan.targets();
        int total = targets.total();
        if (total > config.unenrollJobs().maxTargets()) {
            throw ApiException.badRequest(FieldError.of("too_many_targets", "The job would have " + total
                    + " targets; at most " + config.unenrollJobs().maxTargets() + " are allowed per job: split it."));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UnenrollJobRecord job = plan.job().setOrgId(orgId).setId(jobId).setKind(kind.name())
                .setCreatedAt(now).setUpdatedAt(now).setTotal(total)
                .setProcessed(targets.skippedCount()).setSkipped(targets.skippedCount())
                .setSkippedByReason(new HashMap<>(targets.skipped())).build();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(targets.commanded().size() + 1);
        records.add(TransactionalSender.record(Topics.UNENROLL_JOB_REQUESTS, Keys.of(orgId, jobId), job));
        String actor = kind.commandIdPrefix().replace("/", ":") + jobId;
        for (TargetResolver.Target target : targets.commanded()) {
            CommandMeta meta = new CommandMeta(JobCommandIds.of(kind, jobId, target.id()), orgId, target.personId(),
                    now, actor, plan.reason());
            records.add(TransactionalSender.record(Topics.COMMANDS, Keys.of(orgId, target.personId()),
                    CommandMapper.toAvro(plan.command().apply(meta, target))));
        }
        try {
            sender().sendAll(records);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s job %s could not be written; nothing of it was committed", kind, jobId);
            throw ApiException.unavailable("The job could not be written to Kafka (nothing was changed); retry.");
        }
        LOG.infof("%s job %s created: %d commanded, %d skipped at once", kind, jobId, targets.commanded().size(),
                targets.skippedCount());
        return awaitPublished(job);
    }

    private static UnenrollJobRecord.Builder newJob(Selector selector) {
        return UnenrollJobRecord.newBuilder().setState(UnenrollJobProcessor.RUNNING).setSelectorKind(selector.name())
                .setEnrollmentIds(List.of()).setSequenceId(null).setCompanyDomains(List.of()).setTargets(List.of())
                .setResolved(true).setUnenrolled(0).setFailed(0).setError(null).setFinishedAt(null);
    }

    /** The job id of a job command's meta (its command id names it). */
    private static String jobIdOf(CommandMeta meta) {
        return JobCommandIds.jobOf(meta.commandId()).orElse(null);
    }

    private TransactionalSender sender() {
        return senders.forUse("unenroll-jobs");
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
