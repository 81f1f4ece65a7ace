package org.seqengine.stepscheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrollmentPlanTest {

    static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    static EnrollmentSnapshot at(int step, Integer inFlight, String block, String pause, Instant resumeAt, boolean active) {
        return new EnrollmentSnapshot("org", "e", "p", "s", 1, "m", T, null, step, inFlight, block, pause, resumeAt, active, T);
    }

    @Test
    void finishedInFlightPausedAndBlockedComeBeforeScheduling() {
        assertThat(EnrollmentPlan.of(at(0, null, null, null, null, false), null, false, 0)).isInstanceOf(EnrollmentPlan.Forget.class);
        assertThat(EnrollmentPlan.of(at(1, 1, "MAILBOX_PAUSED", "MANUAL", null, true), null, false, 0))
                .isEqualTo(new EnrollmentPlan.InFlight(1));
        assertThat(EnrollmentPlan.of(at(1, null, "MAILBOX_PAUSED", "OUT_OF_OFFICE", T, true), null, false, 0))
                .isEqualTo(new EnrollmentPlan.Paused(T));
        assertThat(EnrollmentPlan.of(at(1, null, null, "MANUAL", T, true), null, false, 0)).isEqualTo(new EnrollmentPlan.Paused(null));
        assertThat(EnrollmentPlan.of(at(1, null, "MAILBOX_PAUSED", null, null, true), null, false, 0))
                .isEqualTo(new EnrollmentPlan.Blocked("MAILBOX_PAUSED", 1));
    }

    @Test
    void aStepIsNeverDispatchedTwiceWithOneAttempt() {
        Dispatch last = new Dispatch(1, 3, 0, true);
        assertThat(EnrollmentPlan.of(at(1, null, null, null, null, true), last, true, 0)).isEqualTo(new EnrollmentPlan.AwaitOutcome(1));
        assertThat(EnrollmentPlan.of(at(1, null, null, null, null, true), last, false, 0)).isEqualTo(new EnrollmentPlan.Schedule(1, 4));
        assertThat(EnrollmentPlan.of(at(2, null, null, null, null, true), last, true, 0)).isEqualTo(new EnrollmentPlan.Schedule(2, 1));
        assertThat(EnrollmentPlan.of(at(0, null, null, null, null, true), null, false, 2)).isEqualTo(new EnrollmentPlan.Schedule(0, 2001));
    }
}
