package org.seqengine.enrollment.domain.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.CompanySlot;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.EnrollmentCommand.Enroll;
import org.seqengine.enrollment.domain.EnrollmentCommand.StopForColleagueReply;
import org.seqengine.enrollment.domain.ReplyClassification;

/** The company ledger of one domain: slots against the limit, the count kept by the decider's entries, colleague stops. */
class CompanyLedgerTest {

    private static final String ORG = "org-1";
    private static final String DOMAIN = "acme.example";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final CompanyLedger.Members state = new CompanyLedger.Members();

    private CompanyLedger.Result handle(LedgerEntry entry) {
        CompanyLedger.Result result = CompanyLedger.handle(entry, state);
        state.apply(result.changes());
        return result;
    }

    private int count() {
        return state.count(CompanyLedger.Kind.ACTIVE) + state.count(CompanyLedger.Kind.RESERVED);
    }

    private static Enroll enroll(String person) {
        return new Enroll(new CommandMeta("cmd-" + person, ORG, person, T0, "tester", null), "seq-1", List.of("a@x.example"));
    }

    private CompanySlot reserve(String enrollment, String person, int limit) {
        List<EnrollmentCommand> out = handle(new LedgerEntry.Reserve(ORG, DOMAIN, enrollment, person, limit, enroll(person), T0))
                .commands();
        assertThat(out).singleElement().isInstanceOf(Enroll.class);
        Enroll back = (Enroll) out.get(0);
        assertThat(back.meta()).isEqualTo(enroll(person).meta());
        return back.companySlot();
    }

    @Test
    void grantsSlotsBelowTheLimitAndRefusesAtItNamingTheCount() {
        assertThat(reserve("e1", "p1", 2)).isEqualTo(new CompanySlot(DOMAIN, "e1", true, 2, 0));
        assertThat(reserve("e2", "p2", 2)).isEqualTo(new CompanySlot(DOMAIN, "e2", true, 2, 1));
        assertThat(reserve("e3", "p3", 2)).isEqualTo(new CompanySlot(DOMAIN, "e3", false, 2, 2));
        assertThat(state.of(CompanyLedger.Kind.RESERVED)).containsOnlyKeys("e1", "e2");
    }

    @Test
    void aRepeatedRequestForACountedEnrollmentIsGrantedWithoutCountingItTwice() {
        reserve("e1", "p1", 1);
        assertThat(reserve("e1", "p1", 1).granted()).isTrue();
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e1", "p1", "seq-1", T0));
        assertThat(reserve("e1", "p1", 1)).isEqualTo(new CompanySlot(DOMAIN, "e1", true, 1, 0));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void activationTurnsAReservationIntoAnActiveMemberAndFinishOrReleaseFreeTheSlot() {
        reserve("e1", "p1", 2);
        reserve("e2", "p2", 2);
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e1", "p1", "seq-1", T0));
        assertThat(state.of(CompanyLedger.Kind.ACTIVE)).containsOnlyKeys("e1");
        assertThat(state.of(CompanyLedger.Kind.RESERVED)).containsOnlyKeys("e2");

        handle(new LedgerEntry.Release(ORG, DOMAIN, "e2", "p2", T0));
        assertThat(count()).isEqualTo(1);
        handle(new LedgerEntry.Finished(ORG, DOMAIN, "e1", "p1", T0));
        assertThat(count()).isZero();
        assertThat(reserve("e3", "p3", 1).granted()).isTrue();
    }

    @Test
    void aReleaseOfAnActiveEnrollmentChangesNothing() {
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e1", "p1", "seq-1", T0));
        handle(new LedgerEntry.Release(ORG, DOMAIN, "e1", "p1", T0));
        assertThat(state.of(CompanyLedger.Kind.ACTIVE)).containsOnlyKeys("e1");
    }

    @Test
    void enrollmentsActivatedWithoutASlotCountToo() {
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e1", "p1", "seq-1", T0)); // a sequence with no limit
        assertThat(reserve("e2", "p2", 1).granted()).isFalse();
    }

    @Test
    void aReplyStopsEveryOtherPersonsActiveEnrollmentOnceWithDerivedCommandIds() {
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e1", "p1", "seq-1", T0));
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e2", "p2", "seq-1", T0));
        handle(new LedgerEntry.Activated(ORG, DOMAIN, "e3", "p3", "seq-2", T0));
        reserve("e4", "p4", 10);

        List<EnrollmentCommand> stops = handle(new LedgerEntry.Replied(ORG, DOMAIN, "e1", "p1",
                ReplyClassification.NEUTRAL, T0)).commands();

        assertThat(stops).hasSize(2).allSatisfy(c -> assertThat(c).isInstanceOfSatisfying(StopForColleagueReply.class, s -> {
            assertThat(s.colleagueReply().personId()).isEqualTo("p1");
            assertThat(s.colleagueReply().enrollmentId()).isEqualTo("e1");
            assertThat(s.colleagueReply().classification()).isEqualTo(ReplyClassification.NEUTRAL);
            assertThat(s.meta().commandId()).isEqualTo(CompanyLedger.stopCommandId("e1", s.enrollmentId()));
        }));
        assertThat(stops).extracting(c -> ((StopForColleagueReply) c).enrollmentId()).containsExactly("e2", "e3");
        assertThat(stops).extracting(c -> c.meta().personId()).containsExactly("p2", "p3");
        assertThat(count()).as("the ledger waits for the decider's Finished entries").isEqualTo(4);
    }
}
