package org.seqengine.stepscheduler.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.DispatchStepCommand;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequencePauseRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.scheduler.domain.TimeScale;

/**
 * The scheduler topology on a {@link TopologyTestDriver}, with record builders and a simulated
 * enrollment-service answer. The test moves the wall clock; nothing sleeps.
 */
final class SchedulerFixture implements AutoCloseable {

    static final String ORG = "org-a";
    /** A Monday, 09:00 in Berlin. */
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, EnrollmentRecord> enrollments;
    final TestInputTopic<String, PersonRecord> people;
    final TestInputTopic<String, MailboxRecord> mailboxes;
    final TestInputTopic<String, SequenceRecord> sequences;
    final TestInputTopic<String, SequenceRecord> versions;
    final TestInputTopic<String, SequencePauseRecord> pauses;
    final TestOutputTopic<String, CommandEnvelope> commands;
    final TestOutputTopic<String, ScheduleStatusRecord> statuses;
    private final Map<String, EnrollmentRecord> last = new HashMap<>();

    SchedulerFixture(Path stateDir) {
        this(stateDir, SchedulerSettings.defaults());
    }

    SchedulerFixture(Path stateDir, SchedulerSettings settings) {
        this(stateDir, settings, false);
    }

    /** {@code inMemory}: in-memory stores (RocksDB flushes at every one of the driver's commits make thousands of records slow). */
    SchedulerFixture(Path stateDir, SchedulerSettings settings, boolean inMemory) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "step-scheduler-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        driver = new TopologyTestDriver(SchedulerTopology.build(settings, SchedulerMetrics.NONE, inMemory), props, START);
        enrollments = input(Topics.ENROLLMENTS);
        people = input(Topics.PEOPLE);
        mailboxes = input(Topics.MAILBOXES);
        sequences = input(Topics.SEQUENCES);
        versions = input(Topics.SEQUENCE_VERSIONS);
        pauses = input(Topics.SEQUENCE_PAUSES);
        commands = driver.createOutputTopic(Topics.COMMANDS.name(), Topics.COMMANDS.keySerde().deserializer(),
                Topics.COMMANDS.valueSerde().deserializer());
        statuses = driver.createOutputTopic(Topics.SCHEDULE_STATUS.name(), Topics.SCHEDULE_STATUS.keySerde().deserializer(),
                Topics.SCHEDULE_STATUS.valueSerde().deserializer());
    }

    static SchedulerSettings settings(String dayLength) {
        return SchedulerSettings.defaults().withScale(TimeScale.parse(dayLength));
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> t) {
        return driver.createInputTopic(t.name(), t.keySerde().serializer(), t.valueSerde().serializer(), START, Duration.ZERO);
    }

    static String key(String id) {
        return ORG + "/" + id;
    }

    Instant now() {
        return START.plus(elapsed);
    }

    private Duration elapsed = Duration.ZERO;

    /** Moves the wall clock (punctuators fire once per call, at the new time). */
    void advance(Duration d) {
        elapsed = elapsed.plus(d);
        driver.advanceWallClockTime(d);
    }

    // ---- reference data ----

    static StepRecord email(int waitDays, String subject, String body) {
        return StepRecord.newBuilder().setType("EMAIL").setWaitDays(waitDays).setSubject(subject).setBody(body).build();
    }

    static StepRecord email(int waitDays) {
        return email(waitDays, "Hello", "Hi there");
    }

    static StepRecord task(int waitDays) {
        return StepRecord.newBuilder().setType("TASK").setWaitDays(waitDays).setBody("Call them").build();
    }

    static SendScheduleRecord window(String zone, List<String> days, String start, String end) {
        return SendScheduleRecord.newBuilder().setTimeZone(zone).setDays(new ArrayList<>(days)).setStartTime(start)
                .setEndTime(end).build();
    }

    void sequence(String id, int version, SendScheduleRecord schedule, StepRecord... steps) {
        SequenceRecord s = SequenceRecord.newBuilder().setOrgId(ORG).setId(id).setName(id).setIsPublished(true)
                .setIsPaused(false).setVersion(version).setSchedule(schedule).setSteps(new ArrayList<>(List.of(steps)))
                .setUpdatedAt(now()).build();
        sequences.pipeInput(key(id), s);
        versions.pipeInput(key(id + "/" + version), s);
    }

    void sequence(String id, StepRecord... steps) {
        sequence(id, 1, null, steps);
    }

    void pauseSequence(String id, boolean paused) {
        pauses.pipeInput(key(id), SequencePauseRecord.newBuilder().setOrgId(ORG).setSequenceId(id).setIsPaused(paused)
                .setUpdatedAt(now()).build());
    }

    void mailbox(String id, boolean paused, int dailyLimit, int minSecondsBetweenSends) {
        mailboxes.pipeInput(key(id), MailboxRecord.newBuilder().setOrgId(ORG).setId(id).setEmail(id + "@sender.test")
                .setIsPaused(paused).setIsUnauthorized(false).setDailyLimit(dailyLimit)
                .setMinSecondsBetweenSends(minSecondsBetweenSends).build());
    }

    void mailbox(String id) {
        mailbox(id, false, 200, 0);
    }

    void person(String id, String firstName) {
        people.pipeInput(key(id), PersonRecord.newBuilder().setOrgId(ORG).setId(id).setEmail(id + "@mail.test")
                .setFirstName(firstName).setDoNotEmail(false).setEmailOptOut(false).build());
    }

    // ---- enrollments (what enrollment-service writes) ----

    /** A new active enrollment of {@code person} created now, at step 0. */
    EnrollmentRecord enroll(String id, String person, String sequence, String mailbox) {
        return write(EnrollmentRecord.newBuilder().setId(id).setOrgId(ORG).setPersonId(person).setSequenceId(sequence)
                .setMailboxId(mailbox).setCreatedAt(now()).setUpdatedAt(now()).setNextStepIndex(0).setStepsCompleted(0)
                .setCanceled(false).build());
    }

    /** The enrollment as enrollment-service last wrote it, changed by {@code change}, written again. */
    EnrollmentRecord update(String id, Consumer<EnrollmentRecord.Builder> change) {
        EnrollmentRecord.Builder b = EnrollmentRecord.newBuilder(last.get(id)).setUpdatedAt(now());
        change.accept(b);
        return write(b.build());
    }

    /** The enrollment as last written. */
    EnrollmentRecord latest(String id) {
        return last.get(id);
    }

    EnrollmentRecord write(EnrollmentRecord e) {
        last.put(e.getId(), e);
        enrollments.pipeInput(key(e.getId()), e);
        return e;
    }

    /** enrollment-service dispatched the step: it is in flight. */
    void inFlight(String id, int step) {
        update(id, b -> b.setDispatchedStepIndex(step).setDispatchedRequestId("req-" + id + "-" + step).setBlockReason(null));
    }

    /** The mailer reported the step sent: the next step counts from now. */
    void completed(String id, int step) {
        update(id, b -> b.setDispatchedStepIndex(null).setDispatchedRequestId(null).setNextStepIndex(step + 1)
                .setStepsCompleted(step + 1).setLastStepAt(now()).setStartedAt(b.getStartedAt() == null ? now() : b.getStartedAt()));
    }

    void blocked(String id, String reason) {
        update(id, b -> b.setBlockReason(reason));
    }

    void finished(String id, String reason) {
        update(id, b -> b.setFinishReason(reason).setEndedAt(now()).setDispatchedStepIndex(null));
    }

    // ---- outputs ----

    /** The DispatchStep commands written since the last read, as {@code dispatch:<enrollment>:<step>:<attempt>} ids. */
    List<String> dispatched() {
        return commands().stream().map(CommandEnvelope::getCommandId).toList();
    }

    List<CommandEnvelope> commands() {
        return commands.readValuesToList();
    }

    static DispatchStepCommand dispatchOf(CommandEnvelope c) {
        return (DispatchStepCommand) c.getPayload();
    }

    /** The latest status per enrollment written since the last read (null value: a tombstone). */
    Map<String, ScheduleStatusRecord> latestStatuses() {
        Map<String, ScheduleStatusRecord> latest = new HashMap<>();
        for (TestRecord<String, ScheduleStatusRecord> r : statuses.readRecordsToList()) latest.put(r.key(), r.value());
        return latest;
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}
