package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentEvent.PersonErased;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;
import org.seqengine.enrollment.domain.reference.ExclusionEvidence;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;

/** Erasing a person, and keeping an erased person's email from being contacted again. */
class PersonErasureTest {

    private static final String SEQ = "seq-1";
    private static final String OTHER_SEQ = "seq-2";

    private static InMemoryReferenceData.Builder reference() {
        return Fixtures.reference().sequence(SEQ, true, null, 2).sequence(OTHER_SEQ, true, null, 2)
                .ruleset(org.seqengine.enrollment.domain.reference.Ruleset.DEFAULT_ID, true, true, 0);
    }

    @Test
    void erasingEndsTheActiveEnrollmentWithPersonErasedAndKeepsTheHistoryWithoutPersonalValues() {
        Scenario s = Scenario.of(reference());
        String first = s.enrolled(SEQ);
        s.steps(first, 1);
        s.run(new EnrollmentCommand.RecordReply(s.meta(), first, "reply-1", null, ReplyClassification.POSITIVE,
                s.ctx().now(), null, false, new Sealed("key-1", "bm9uY2U=", "c2VhbGVk")));
        s.advance(Duration.ofMinutes(1));
        String second = s.enrolled(OTHER_SEQ);

        List<EnrollmentEvent> events = s.run(new EnrollmentCommand.ErasePerson(s.meta(), "job-1"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(Unenrolled.class, u -> {
            assertThat(u.enrollmentId()).isEqualTo(second);
            assertThat(u.finishReason()).isEqualTo(FinishReason.PERSON_ERASED);
            assertThat(u.canceled()).isTrue(); // nothing was sent yet
        });
        assertThat(events.get(1)).isEqualTo(new PersonErased(events.get(1).meta(), 1, 2, true));
        assertThat(s.state().erasedAt()).isEqualTo(s.ctx().now());
        assertThat(s.state().enrollments()).allSatisfy(e -> assertThat(e.personErased()).isTrue());
        Enrollment replied = s.enrollment(first);
        assertThat(replied.finishReason()).isEqualTo(FinishReason.REPLIED);
        assertThat(replied.reply().replyId()).isEqualTo("reply-1");
        assertThat(replied.reply().classification()).isEqualTo(ReplyClassification.POSITIVE);
        assertThat(replied.reply().sealedSubject()).isNull();
        assertThat(s.enrollment(second).displayStatus()).isEqualTo(DisplayStatus.CANCELED);
    }

    @Test
    void anErasedHistoryKeepsWhichRuleExcludedButNotTheValuesTheRecordsHeld() {
        Enrollment e = new Enrollment("enr-1", ORG, PERSON, SEQ, "mb", Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH,
                0, 0, null, null, null, null, FinishReason.EXCLUDED, true, false, "x",
                List.of(new ExclusionMatch("rule-1", MatchLevel.PERSON, Instant.EPOCH, List.of(new ExclusionEvidence(
                        "person.title", "equals", "CEO", "CEO of Ada Corp", "salesforce", "person", "crm-1", PERSON)))));

        Enrollment erased = e.erased();

        assertThat(erased.personErased()).isTrue();
        assertThat(erased.excludedBy()).singleElement().satisfies(m -> {
            assertThat(m.ruleId()).isEqualTo("rule-1");
            assertThat(m.evidence()).singleElement().satisfies(ev -> {
                assertThat(ev.field()).isEqualTo("person.title");
                assertThat(ev.actual()).isNull();
            });
        });
    }

    @Test
    void erasingAgainEndsNothingAndRecordsTheErasureAgain() {
        Scenario s = Scenario.of(reference());
        s.enrolled(SEQ);
        s.run(new EnrollmentCommand.ErasePerson(s.meta(), null));

        List<EnrollmentEvent> again = s.run(new EnrollmentCommand.ErasePerson(s.meta(), null));

        assertThat(again).singleElement().isInstanceOfSatisfying(PersonErased.class,
                p -> assertThat(p.enrollmentsEnded()).isZero());
    }

    @Test
    void aPersonWithoutAnEmailIsErasedWithNothingToSuppress() {
        Scenario s = Scenario.of(reference().person(new org.seqengine.enrollment.domain.reference.Person(ORG, PERSON,
                null, "Ada", null, null, null, false, false, false, Map.of())));

        List<EnrollmentEvent> events = s.run(new EnrollmentCommand.ErasePerson(s.meta(), null));

        assertThat(events).singleElement().isInstanceOfSatisfying(PersonErased.class, p -> assertThat(p.suppressed()).isFalse());
    }

    @Test
    void aSuppressedEmailIsRefusedAtEnrollBeforeEveryOtherConsentCheck() {
        Scenario s = Scenario.of(reference().suppress(" " + PERSON.toUpperCase() + "@Prospect.example.com"));

        assertThat(s.codes(new EnrollmentCommand.Enroll(s.meta(), SEQ, List.of(Fixtures.MAIL_A))))
                .containsExactly(RejectionCode.SUPPRESSED);
    }

    @Test
    void aSuppressedEmailFoundAtDispatchEndsTheEnrollmentWithSuppressed() {
        Scenario s = Scenario.of(reference());
        String id = s.enrolled(SEQ);
        s.reference(reference().suppress(PERSON + "@prospect.example.com"));

        List<EnrollmentEvent> events = s.dispatch(id, 0, 1);

        assertThat(events).singleElement().isInstanceOfSatisfying(Unenrolled.class,
                u -> assertThat(u.finishReason()).isEqualTo(FinishReason.SUPPRESSED));
        assertThat(s.enrollment(id).isActive()).isFalse();
    }

    @Test
    void anExcludedEventKeepsCompanyValuesButNoValueOfAPersonRecord() {
        ExclusionMatch match = new ExclusionMatch("rule-1", MatchLevel.PERSON, Instant.EPOCH, List.of(
                new ExclusionEvidence("person.title", "equals", "CEO", "CEO", "salesforce", "person", "crm-1", PERSON),
                new ExclusionEvidence("company.industry", "equals", "rival", "Rival", "hubspot", "company", "c-1", null)));

        EnrollmentEvent.Excluded excluded = new EnrollmentEvent.Excluded(null, "enr-1", List.of(match));

        assertThat(excluded.matches()).singleElement().satisfies(m -> assertThat(m.evidence())
                .extracting(ExclusionEvidence::field, ExclusionEvidence::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("person.title", null),
                        org.assertj.core.groups.Tuple.tuple("company.industry", "Rival")));
    }
}
