package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.OptedOutEvent;
import org.seqengine.schemas.avro.UnenrolledEvent;

/** The company verifier finds every kind of violation (so a clean verdict means something), and no false one. */
class CompanyVerifierTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aLogThatKeepsTheLimitAcrossPartitionsHolds() {
        // partition 0: a, b; partition 1: c, then a ends (p0) and d starts (p1) in the same millisecond
        Map<Integer, List<EventEnvelope>> log = Map.of(
                0, List.of(enrolled("e1", "a", "acme.example", 0), enrolled("e2", "b", "acme.example", 1),
                        unenrolled("e4", "a", 5)),
                1, List.of(enrolled("e3", "c", "acme.example", 2), enrolled("e5", "d", "acme.example", 5),
                        enrolled("e6", "x", "other.example", 6)));

        CompanyVerifier.Report report = CompanyVerifier.verify(log, 3, Map.of("acme.example", 3, "other.example", 1));

        assertThat(report.held()).as(report.summary()).isTrue();
        assertThat(report.maxActive()).isEqualTo(3);
        assertThat(report.activeAtEnd()).containsEntry("acme.example", 3).containsEntry("other.example", 1);
        assertThat(report.enrollments()).isEqualTo(5);
        assertThat(report.summary()).startsWith("COMPANY-LIMIT-HELD");
    }

    @Test
    void reportsAFourthActiveAnUncountedEnrollmentADuplicateAndAWrongEndCount() {
        Map<Integer, List<EventEnvelope>> log = Map.of(
                0, List.of(enrolled("e1", "a", "acme.example", 0), enrolled("e2", "b", "acme.example", 1),
                        enrolled("e3", "c", "acme.example", 2)),
                1, List.of(enrolled("e4", "d", "acme.example", 3), // the fourth while three are active
                        unenrolled("e5", "d", 4),
                        enrolled("e6", "y", null, 5), // would escape the count
                        enrolled("e6", "y", null, 5), // the same event id again
                        optedOut("e7", 6, "a")));

        CompanyVerifier.Report report = CompanyVerifier.verify(log, 3, Map.of("acme.example", 3));

        assertThat(report.held()).isFalse();
        assertThat(report.overLimit()).isEqualTo(1);
        assertThat(report.maxActive()).isEqualTo(4);
        assertThat(report.enrolledWithoutDomain()).isEqualTo(1);
        assertThat(report.duplicateEventIds()).isEqualTo(1);
        assertThat(report.activeAtEnd()).containsEntry("acme.example", 2); // b and c: a opted out, d unenrolled
        assertThat(report.endMismatches()).isEqualTo(1);
        assertThat(report.summary()).startsWith("COMPANY-LIMIT-BROKEN");
    }

    @Test
    void reportsAnEnrollmentStartedTwice() {
        Map<Integer, List<EventEnvelope>> log = Map.of(0, List.of(enrolled("e1", "a", "acme.example", 0),
                withId(enrolled("e1", "a", "acme.example", 0), "e1-again")));

        CompanyVerifier.Report report = CompanyVerifier.verify(log, 3, Map.of());

        assertThat(report.enrolledTwice()).isEqualTo(1);
        assertThat(report.held()).isFalse();
    }

    private static EventEnvelope enrolled(String eventId, String enrollment, String domain, int second) {
        return event(eventId, enrollment, second, new EnrolledEvent("s", "m", 0, 1, null, domain));
    }

    private static EventEnvelope unenrolled(String eventId, String enrollment, int second) {
        return event(eventId, enrollment, second, new UnenrolledEvent("UNENROLLED", true, null));
    }

    private static EventEnvelope optedOut(String eventId, int second, String... ended) {
        return event(eventId, null, second, new OptedOutEvent("API", List.of(ended)));
    }

    private static EventEnvelope withId(EventEnvelope e, String eventId) {
        return EventEnvelope.newBuilder(e).setEventId(eventId).build();
    }

    private static EventEnvelope event(String eventId, String enrollment, int second, Object payload) {
        return EventEnvelope.newBuilder().setEventId(eventId).setCommandId("c").setOrgId("o").setPersonId("p-" + enrollment)
                .setEnrollmentId(enrollment).setOccurredAt(T0.plusSeconds(second)).setPayload(payload).build();
    }
}
