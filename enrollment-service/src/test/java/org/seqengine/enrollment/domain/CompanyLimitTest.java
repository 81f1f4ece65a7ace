package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.MAIL_A;
import static org.seqengine.enrollment.domain.Fixtures.ORG;
import static org.seqengine.enrollment.domain.Fixtures.PERSON;
import static org.seqengine.enrollment.domain.Fixtures.SEQ;
import static org.seqengine.enrollment.domain.Fixtures.SEQ_2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.EnrollmentEvent.Enrolled;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;

/** max_active_enrollments_per_company in the decider: which commands wait for a slot, and what a slot decides. */
class CompanyLimitTest {

    private static final String DOMAIN = "prospect.example.com";

    private static InMemoryReferenceData.Builder capped(int limit) {
        return Fixtures.reference().ruleset(new Ruleset(ORG, Ruleset.DEFAULT_ID, true, true, 0, Set.of(), limit));
    }

    private static EnrollmentCommand.Enroll enroll(String commandId) {
        return Fixtures.enroll(commandId, SEQ, MAIL_A);
    }

    private static CompanySlot slot(String commandId, boolean granted, int limit, int count) {
        return new CompanySlot(DOMAIN, Ids.enrollmentId(ORG, commandId), granted, limit, count);
    }

    @Nested
    class WaitingForASlot {

        @Test
        void anEnrollThatPassesEveryCheckAtACappedCompanyWaitsAndIsNeitherRememberedNorDecided() {
            Scenario s = Scenario.of(capped(3));
            List<EnrollmentEvent> events = s.run(enroll("c-1"));

            assertThat(events).isEmpty();
            assertThat(s.last.awaitingSlot()).isEqualTo(
                    new CompanyLimit.SlotRequest(DOMAIN, Ids.enrollmentId(ORG, "c-1"), 3));
            assertThat(s.last.outcome()).isNull();
            assertThat(s.outcome("c-1")).isEmpty();
        }

        @Test
        void aFailingCheckIsDecidedAtOnceWithoutAskingTheLedger() {
            Scenario s = Scenario.of(capped(3));
            s.run(enroll("c-1").withCompanySlot(slot("c-1", true, 3, 0)));

            List<EnrollmentEvent> events = s.run(enroll("c-2"));

            assertThat(s.last.awaitingSlot()).isNull();
            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r ->
                    assertThat(r.reasons()).extracting(Rejection::code).containsExactly(RejectionCode.ALREADY_ENROLLED_ACTIVE));
        }

        @Test
        void withoutALimitOrWithoutACompanyDomainNoSlotIsNeeded() {
            Scenario noLimit = Scenario.of(Fixtures.reference());
            assertThat(noLimit.run(enroll("c-1"))).singleElement().isInstanceOf(Enrolled.class);

            Person noDomain = new Person(ORG, PERSON, "ada@prospect.example.com", "Ada", "L", null, " ", false,
                    false, false, Map.of());
            Scenario s = Scenario.of(capped(1).person(noDomain));
            assertThat(s.run(enroll("c-1"))).singleElement().isInstanceOfSatisfying(Enrolled.class,
                    e -> assertThat(e.companyDomain()).isNull());
        }

        @Test
        void aSequenceWithItsOwnRulesetUsesThatRulesetsLimit() {
            Scenario s = Scenario.of(capped(3)
                    .ruleset(new Ruleset(ORG, "open", true, true, 0, Set.of(), null))
                    .sequence(SEQ_2, true, "open", 2));
            assertThat(s.run(Fixtures.enroll("c-1", SEQ_2, MAIL_A))).singleElement().isInstanceOf(Enrolled.class);
        }

        @Test
        void aReopenAtACappedCompanyWaitsToo() {
            Scenario s = Scenario.of(Fixtures.reference().rule("r-1", true, true));
            String id = s.enrolled(SEQ);
            s.run(new EnrollmentCommand.Exclude(s.meta(), List.of(new ExclusionMatch("r-1", MatchLevel.PERSON))));
            s.reference = ((InMemoryReferenceData) s.reference).toBuilder()
                    .ruleset(new Ruleset(ORG, Ruleset.DEFAULT_ID, true, true, 0, Set.of(), 2))
                    .build();

            assertThat(s.run(new EnrollmentCommand.ReopenEnrollment(s.meta(), id, null, null))).isEmpty();
            assertThat(s.last.awaitingSlot()).isEqualTo(new CompanyLimit.SlotRequest(DOMAIN, id, 2));
        }
    }

    @Nested
    class WithTheLedgersAnswer {

        @Test
        void aGrantedSlotEnrollsAtTheSlotsDomain() {
            Scenario s = Scenario.of(capped(3));
            CompanySlot granted = new CompanySlot("moved-from.example", Ids.enrollmentId(ORG, "c-1"), true, 3, 2);
            List<EnrollmentEvent> events = s.run(enroll("c-1").withCompanySlot(granted));

            assertThat(events).singleElement().isInstanceOfSatisfying(Enrolled.class,
                    e -> assertThat(e.companyDomain()).isEqualTo("moved-from.example"));
            assertThat(s.enrollment(Ids.enrollmentId(ORG, "c-1")).companyDomain()).isEqualTo("moved-from.example");
        }

        @Test
        void aRefusedSlotRejectsWithTheDomainTheLimitAndTheCount() {
            Scenario s = Scenario.of(capped(3));
            List<EnrollmentEvent> events = s.run(enroll("c-1").withCompanySlot(slot("c-1", false, 3, 3)));

            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r -> {
                assertThat(r.reasons()).singleElement().satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo(RejectionCode.COMPANY_LIMIT_REACHED);
                    assertThat(reason.companyDomain()).isEqualTo(DOMAIN);
                    assertThat(reason.limit()).isEqualTo(3);
                    assertThat(reason.activeCount()).isEqualTo(3);
                    assertThat(reason.message()).contains(DOMAIN).contains("3");
                });
            });
            assertThat(s.outcome("c-1")).hasValueSatisfying(o ->
                    assertThat(o.rejections()).extracting(Rejection::code).containsExactly(RejectionCode.COMPANY_LIMIT_REACHED));
        }

        @Test
        void aCheckThatFailsMeanwhileWinsOverTheSlot() {
            Scenario s = Scenario.of(capped(3));
            s.run(Fixtures.enroll("c-0", SEQ_2, MAIL_A).withCompanySlot(slot("c-0", true, 3, 0)));

            List<EnrollmentEvent> events = s.run(enroll("c-1").withCompanySlot(slot("c-1", false, 3, 3)));

            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentRejected.class, r ->
                    assertThat(r.reasons()).extracting(Rejection::code).containsExactly(RejectionCode.ALREADY_ENROLLED_ACTIVE));
        }
    }

    @Nested
    class ColleagueReplied {

        private final ColleagueReply reply = new ColleagueReply("person-2", "enr-2", ReplyClassification.POSITIVE, DOMAIN);

        @Test
        void finishesAnActiveEnrollmentNamingWhoRepliedCanceledBeforeAnyStep() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);

            List<EnrollmentEvent> events = s.run(new EnrollmentCommand.StopForColleagueReply(s.meta(), id, reply));

            assertThat(events).singleElement().isInstanceOfSatisfying(Unenrolled.class, u -> {
                assertThat(u.finishReason()).isEqualTo(FinishReason.COLLEAGUE_REPLIED);
                assertThat(u.canceled()).isTrue();
                assertThat(u.colleagueReply()).isEqualTo(reply);
            });
            Enrollment e = s.enrollment(id);
            assertThat(e.finishReason()).isEqualTo(FinishReason.COLLEAGUE_REPLIED);
            assertThat(e.colleagueReply()).isEqualTo(reply);
            assertThat(e.displayStatus()).isEqualTo(DisplayStatus.CANCELED);
        }

        @Test
        void aStartedEnrollmentShowsCompleted() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);
            s.run(new EnrollmentCommand.CompleteStep(s.meta(), id, 0));

            s.run(new EnrollmentCommand.StopForColleagueReply(s.meta(), id, reply));

            assertThat(s.enrollment(id).displayStatus()).isEqualTo(DisplayStatus.COMPLETED);
            assertThat(s.enrollment(id).canceled()).isFalse();
        }

        @Test
        void anEndedEnrollmentIsLeftAsItIsWithoutARejection() {
            Scenario s = Scenario.of(Fixtures.reference());
            String id = s.enrolled(SEQ);
            s.run(new EnrollmentCommand.Unenroll(s.meta(), id));

            assertThat(s.run(new EnrollmentCommand.StopForColleagueReply(s.meta(), id, reply))).isEmpty();
            assertThat(s.enrollment(id).finishReason()).isEqualTo(FinishReason.UNENROLLED);
        }
    }
}
