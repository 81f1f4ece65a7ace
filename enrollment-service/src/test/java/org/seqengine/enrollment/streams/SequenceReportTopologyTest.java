package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.FinishReason;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.enrollment.report.ReportCounts;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EnrollmentRejectedEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.RejectionRecord;

/**
 * The sequence report's aggregation: each enrollment change moves one count from its old display status
 * (and finish reason) to its new one, in the bucket of the day it was created; a rejected Enroll from the
 * event log counts under its code on its day; all time sums everything.
 */
class SequenceReportTopologyTest {

    private static final String ORG = "org-1";
    private static final String SEQ = "seq-1";
    private static final Instant TODAY = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant TEN_DAYS_AGO = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrollmentRecord> enrollments;
    private TestInputTopic<String, EventEnvelope> events;
    private KeyValueStore<String, ReportCounts> report;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sequence-report-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        driver = new TopologyTestDriver(EnrollmentTopology.build(), props, TODAY);
        enrollments = input(Topics.ENROLLMENTS);
        events = input(Topics.EVENTS);
        report = driver.getKeyValueStore(StoreNames.SEQUENCE_REPORT);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aChangeMovesItsCountFromTheOldStatusToTheNewInTheBucketOfItsCreationDay() {
        enrollments.pipeInput(Keys.of(ORG, "e-old"), record("e-old", TEN_DAYS_AGO, null));
        enrollments.pipeInput(Keys.of(ORG, "e-new"), record("e-new", TODAY, null));
        enrollments.pipeInput(Keys.of(ORG, "e-new"), record("e-new", TODAY, FinishReason.UNENROLLED));
        enrollments.pipeInput(Keys.of(ORG, "e-new"), record("e-new", TODAY, FinishReason.UNENROLLED)); // no change

        String seq = Keys.of(ORG, SEQ);
        assertThat(report.get(SequenceReportKeys.all(seq)).counts()).isEqualTo(Map.of("enrollments", 2L, "people", 2L,
                "status:QUEUED", 1L, "status:CANCELED", 1L, "finish:UNENROLLED", 1L));
        assertThat(report.get(SequenceReportKeys.day(seq, "2026-12-07")).counts()).isEqualTo(Map.of(
                "enrollments", 1L, "status:CANCELED", 1L, "finish:UNENROLLED", 1L));
        assertThat(report.get(SequenceReportKeys.day(seq, "2026-11-27")).counts()).isEqualTo(Map.of(
                "enrollments", 1L, "status:QUEUED", 1L));
    }

    @Test
    void peopleAndCompaniesAreCountedOnceHoweverManyEnrollmentsTheyHave() {
        enrollments.pipeInput(Keys.of(ORG, "e-1"), record("e-1", "p-ada", "acme.example", FinishReason.UNENROLLED));
        enrollments.pipeInput(Keys.of(ORG, "e-2"), record("e-2", "p-ada", "acme.example", null));
        enrollments.pipeInput(Keys.of(ORG, "e-3"), record("e-3", "p-bob", "acme.example", null));
        enrollments.pipeInput(Keys.of(ORG, "e-4"), record("e-4", "p-cy", null, null));
        enrollments.pipeInput(Keys.of(ORG, "e-4"), null); // deleted: Cy is no longer counted

        ReportCounts all = report.get(SequenceReportKeys.all(Keys.of(ORG, SEQ)));
        assertThat(all.count("enrollments")).isEqualTo(3);
        assertThat(all.count("people")).isEqualTo(2);
        assertThat(all.count("companies")).isEqualTo(1);
    }

    @Test
    void aRejectedEnrollCountsUnderItsFirstCodeAndOtherRejectionsDoNot() {
        events.pipeInput(Keys.of(ORG, "p-1"), rejected("Enroll", "OPTED_OUT"));
        events.pipeInput(Keys.of(ORG, "p-2"), rejected("Enroll", "EXCLUDED"));
        events.pipeInput(Keys.of(ORG, "p-2"), rejected("Pause", "ENROLLMENT_NOT_ACTIVE"));

        assertThat(report.get(SequenceReportKeys.all(Keys.of(ORG, SEQ))).counts())
                .isEqualTo(Map.of("rejected:OPTED_OUT", 1L, "rejected:EXCLUDED", 1L));
    }

    private static EnrollmentRecord record(String id, String person, String companyDomain, FinishReason finish) {
        Enrollment e = new Enrollment(id, ORG, person, SEQ, "mb-1", TODAY, TODAY, null, finish == null ? null : TODAY,
                0, 0, null, null, null, null, finish, finish != null, false, "tester", List.of(), 1, null, null, null,
                List.of(), null, companyDomain, null);
        return StateMapper.toAvro(e);
    }

    private static EnrollmentRecord record(String id, Instant created, FinishReason finish) {
        Enrollment e = new Enrollment(id, ORG, "p-" + id, SEQ, "mb-1", created, created, null,
                finish == null ? null : created, 0, 0, null, null, null, null, finish, finish != null, false, "tester");
        return StateMapper.toAvro(e);
    }

    private static EventEnvelope rejected(String commandType, String code) {
        return EventEnvelope.newBuilder().setEventId("ev-" + code).setCommandId("c-" + code).setOrgId(ORG)
                .setPersonId("p").setEnrollmentId(null).setOccurredAt(TODAY).setActor(null)
                .setPayload(EnrollmentRejectedEvent.newBuilder().setCommandType(commandType).setSequenceId(SEQ)
                        .setReasons(List.of(RejectionRecord.newBuilder().setCode(code).setMessage("m").build()))
                        .setActiveSequenceId(null).setActiveEnrollmentId(null).build())
                .build();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
