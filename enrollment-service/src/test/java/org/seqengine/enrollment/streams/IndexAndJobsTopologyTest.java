package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.bulk.JobCommandIds;
import org.seqengine.enrollment.bulk.JobKind;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.FinishReason;
import org.seqengine.enrollment.domain.PauseReason;
import org.seqengine.enrollment.domain.Rejection;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.UnenrollJobRecord;

/** The enrollments.v1 indexer (index keys, by-id store, mailbox load) and the bulk job counter. */
class IndexAndJobsTopologyTest {

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String ORG = "org-1";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrollmentRecord> enrollments;
    private TestInputTopic<String, CommandReplyRecord> replies;
    private TestInputTopic<String, UnenrollJobRecord> jobRequests;
    private TestInputTopic<String, PersonRecord> people;
    private TestOutputTopic<String, UnenrollJobRecord> jobs;
    private TestOutputTopic<String, Long> mailboxLoad;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "index-and-jobs-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        driver = new TopologyTestDriver(EnrollmentTopology.build(new TopologySettings(Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(1))), props, T0);
        enrollments = input(Topics.ENROLLMENTS);
        replies = input(Topics.COMMAND_REPLIES);
        jobRequests = input(Topics.UNENROLL_JOB_REQUESTS);
        people = input(Topics.PEOPLE);
        jobs = driver.createOutputTopic(Topics.UNENROLL_JOBS.name(), Topics.UNENROLL_JOBS.keySerde().deserializer(),
                Topics.UNENROLL_JOBS.valueSerde().deserializer());
        mailboxLoad = driver.createOutputTopic(Topics.MAILBOX_LOAD.name(), Topics.MAILBOX_LOAD.keySerde().deserializer(),
                Topics.MAILBOX_LOAD.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void indexKeysFollowEachChangeAndMailboxLoadCountsActiveOnes() {
        people.pipeInput(Keys.of(ORG, "p-1"), PersonRecord.newBuilder().setOrgId(ORG).setId("p-1").setEmail("a@b.example")
                .setFirstName(null).setLastName(null).setLinkedinUrl(null).setCompanyDomain("rival.example")
                .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false).setAttributes(Map.of()).build());
        put(enrollment("e-1", "p-1", null, null));
        put(enrollment("e-2", "p-2", null, null));
        KeyValueStore<String, String> index = driver.getKeyValueStore(StoreNames.ENROLLMENT_INDEX);
        assertThat(index.get(EnrollmentIndexKeys.all(ORG) + "e-1")).isNotNull();
        assertThat(index.get(EnrollmentIndexKeys.bySequenceAndStatus(ORG, "seq", "IN_PROGRESS") + "e-1")).isNotNull();
        assertThat(index.get(EnrollmentIndexKeys.byStatus(ORG, "QUEUED") + "e-1")).isNotNull();
        assertThat(index.get(EnrollmentIndexKeys.activeByDomain(ORG, "rival.example") + "e-1")).isNotNull();
        assertThat(driver.<String, EnrollmentRecord>getKeyValueStore(StoreNames.ENROLLMENTS_BY_ID).get(Keys.of(ORG, "e-1")))
                .isNotNull();

        put(enrollment("e-1", "p-1", PauseReason.MANUAL, null));
        assertThat(index.get(EnrollmentIndexKeys.byStatus(ORG, "QUEUED") + "e-1")).isNull();
        assertThat(index.get(EnrollmentIndexKeys.byStatus(ORG, "PAUSED") + "e-1")).isNotNull();

        put(enrollment("e-1", "p-1", null, FinishReason.UNENROLLED));
        assertThat(index.get(EnrollmentIndexKeys.byStatus(ORG, "PAUSED") + "e-1")).isNull();
        assertThat(index.get(EnrollmentIndexKeys.bySequenceAndStatus(ORG, "seq", "IN_PROGRESS") + "e-1")).isNull();
        assertThat(index.get(EnrollmentIndexKeys.bySequenceAndStatus(ORG, "seq", "FINISHED") + "e-1")).isNotNull();
        assertThat(index.get(EnrollmentIndexKeys.activeByDomain(ORG, "rival.example") + "e-1")).isNull();

        Map<String, Long> load = mailboxLoad.readKeyValuesToMap();
        assertThat(load).containsEntry(Keys.of(ORG, "mb-1"), 1L);
    }

    @Test
    void aJobCountsEachOutcomeOnceCompletesAndExpires() {
        String jobKey = Keys.of(ORG, "job-1");
        // an outcome may overtake its request; a duplicate reply is not counted again
        replies.pipeInput(Keys.of(ORG, "p-1"), reply(JobCommandIds.of("job-1", "e-1"), false, List.of()));
        replies.pipeInput(Keys.of(ORG, "p-1"), reply(JobCommandIds.of("job-1", "e-1"), true, List.of()));
        replies.pipeInput(Keys.of(ORG, "p-9"), reply("some-other-command", false, List.of()));
        jobRequests.pipeInput(jobKey, request("job-1", 4, 1));
        replies.pipeInput(Keys.of(ORG, "p-2"), reply(JobCommandIds.of("job-1", "e-2"), false,
                List.of(Rejection.of(RejectionCode.ENROLLMENT_NOT_ACTIVE))));
        replies.pipeInput(Keys.of(ORG, "p-3"), reply(JobCommandIds.of("job-1", "e-3"), false, List.of()));

        List<KeyValue<String, UnenrollJobRecord>> published = jobs.readKeyValuesToList();
        UnenrollJobRecord last = published.get(published.size() - 1).value;
        assertThat(last.getState()).isEqualTo("COMPLETED");
        assertThat(last.getTotal()).isEqualTo(4);
        assertThat(last.getProcessed()).isEqualTo(4);
        assertThat(last.getUnenrolled()).isEqualTo(2);
        assertThat(last.getSkipped()).isEqualTo(2);
        assertThat(last.getSkippedByReason()).containsExactly(Map.entry("ENROLLMENT_NOT_ACTIVE", 1));
        assertThat(last.getFailed()).isZero();
        assertThat(last.getFinishedAt()).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(61));
        List<KeyValue<String, UnenrollJobRecord>> afterRetention = jobs.readKeyValuesToList();
        assertThat(afterRetention).isNotEmpty();
        assertThat(afterRetention.get(afterRetention.size() - 1)).isEqualTo(KeyValue.pair(jobKey, null));
        assertThat(driver.<String, UnenrollJobRecord>getKeyValueStore(StoreNames.UNENROLL_JOB_STATES).get(jobKey)).isNull();
    }

    @Test
    void excludedEnrollmentsAreIndexedByTheRulesThatEndedThem() {
        Enrollment active = enrollment("e-1", "p-1", null, null);
        put(active);
        Enrollment excluded = new Enrollment("e-1", ORG, "p-1", "seq", "mb-1", T0, T0, null, T0, 0, 0, null, null, null,
                null, FinishReason.EXCLUDED, false, false, null,
                List.of(new ExclusionMatch("r1", MatchLevel.COMPANY), new ExclusionMatch("r2", MatchLevel.PERSON)));
        put(excluded);
        KeyValueStore<String, String> index = driver.getKeyValueStore(StoreNames.ENROLLMENT_INDEX);
        assertThat(index.get(EnrollmentIndexKeys.excludedByRule(ORG, "r1") + "e-1")).isNotNull();
        assertThat(index.get(EnrollmentIndexKeys.excludedByRule(ORG, "r2") + "e-1")).isNotNull();
        assertThat(driver.<String, EnrollmentRecord>getKeyValueStore(StoreNames.ENROLLMENTS_BY_ID).get(Keys.of(ORG, "e-1"))
                .getExcludedBy()).hasSize(2);
        put(active); // reopened
        assertThat(index.get(EnrollmentIndexKeys.excludedByRule(ORG, "r1") + "e-1")).isNull();
        assertThat(index.get(EnrollmentIndexKeys.excludedByRule(ORG, "r2") + "e-1")).isNull();
    }

    @Test
    void skipReasonsOfOutcomesThatOvertookTheirRequestAreKept() {
        String jobKey = Keys.of(ORG, "job-2");
        String command = JobCommandIds.of(JobKind.RESTORE, "job-2", "e-1");
        replies.pipeInput(Keys.of(ORG, "p-1"), reply(command, false, List.of(Rejection.of(RejectionCode.OPTED_OUT))));
        UnenrollJobRecord request = request("job-2", 3, 1);
        request.setKind(JobKind.RESTORE.name());
        request.setSkippedByReason(Map.of("OPTED_OUT", 1));
        jobRequests.pipeInput(jobKey, request);
        replies.pipeInput(Keys.of(ORG, "p-2"), reply(JobCommandIds.of(JobKind.RESTORE, "job-2", "e-2"), false, List.of()));

        List<KeyValue<String, UnenrollJobRecord>> published = jobs.readKeyValuesToList();
        UnenrollJobRecord last = published.get(published.size() - 1).value;
        assertThat(last.getState()).isEqualTo("COMPLETED");
        assertThat(last.getKind()).isEqualTo("RESTORE");
        assertThat(last.getUnenrolled()).isEqualTo(1);
        assertThat(last.getSkipped()).isEqualTo(2);
        assertThat(last.getSkippedByReason()).containsExactly(Map.entry("OPTED_OUT", 2));
    }

    private void put(Enrollment e) {
        enrollments.pipeInput(Keys.of(ORG, e.id()), StateMapper.toAvro(e));
    }

    private static Enrollment enrollment(String id, String person, PauseReason pause, FinishReason finish) {
        return new Enrollment(id, ORG, person, "seq", "mb-1", T0, T0, null, finish == null ? null : T0, 0, 0, null,
                pause, null, null, finish, finish != null, false, null, java.util.List.of());
    }

    private static CommandReplyRecord reply(String commandId, boolean duplicate, List<Rejection> rejections) {
        return CommandReplyRecord.newBuilder().setCommandId(commandId).setOrgId(ORG).setPersonId("p")
                .setDuplicate(duplicate).setEnrollmentIds(List.of()).setRejections(StateMapper.rejectionsToAvro(rejections))
                .setActiveSequenceId(null).setActiveEnrollmentId(null).build();
    }

    private static UnenrollJobRecord request(String id, int total, int unmatched) {
        return UnenrollJobRecord.newBuilder().setOrgId(ORG).setId(id).setCreatedAt(T0).setUpdatedAt(T0).setState("RUNNING")
                .setSelectorKind("ENROLLMENT_IDS").setEnrollmentIds(List.of()).setSequenceId(null).setCompanyDomains(List.of())
                .setTargets(List.of()).setResolved(true).setTotal(total).setProcessed(unmatched).setUnenrolled(0)
                .setSkipped(unmatched).setFailed(0).setError(null).setFinishedAt(null).build();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
