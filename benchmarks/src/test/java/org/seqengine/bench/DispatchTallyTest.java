package org.seqengine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The lateness, duplicate and missing accounting of scenario "schedule". */
class DispatchTallyTest {

    private static final long T = 1_800_000_000_000L;

    @Test
    void latenessRunsFromTheDueTimeToWhenTheDispatchWasSeenAndByItsRecordTimestamp() {
        DispatchTally tally = new DispatchTally();
        tally.expect("e1", 0, T);
        tally.expect("e2", 0, T + 1000);

        tally.record("e1", 0, T + 250, T + 200);
        tally.record("e2", 0, T + 1500, T + 1100);

        assertThat(tally.dispatchedOnce()).isEqualTo(2);
        assertThat(tally.missing()).isZero();
        assertThat(tally.errors()).isZero();
        assertThat(tally.observedLatenessMicros().getTotalCount()).isEqualTo(2);
        assertThat(tally.observedLatenessMicros().getMinValue()).isBetween(249_000L, 251_000L);
        assertThat(tally.observedLatenessMicros().getMaxValue()).isBetween(499_000L, 501_000L);
        assertThat(tally.timestampLatenessMicros().getMaxValue()).isBetween(199_000L, 201_000L);
        assertThat(tally.timestampLatenessMicros().getMinValue()).isBetween(99_000L, 101_000L);
    }

    @Test
    void theSameStepDispatchedAgainIsADuplicateWhateverTheAttemptAndIsTimedOnlyOnce() {
        DispatchTally tally = new DispatchTally();
        tally.expect("e1", 0, T);

        tally.record("e1", 0, T + 10, T + 10);
        tally.record("e1", 0, T + 5000, T + 5000);

        assertThat(tally.dispatches()).isEqualTo(2);
        assertThat(tally.dispatchedOnce()).isEqualTo(1);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.observedLatenessMicros().getTotalCount()).isEqualTo(1);
        assertThat(tally.errors()).isEqualTo(1);
        assertThat(tally.samples()).anyMatch(s -> s.contains("dispatched 2 times: e1#0"));
    }

    @Test
    void countsMissingEarlyAndUnexpectedDispatches() {
        DispatchTally tally = new DispatchTally();
        tally.expect("e1", 0, T);
        tally.expect("e2", 0, T);
        tally.expect("e3", 0, T + 60_000);

        tally.record("e3", 0, T + 59_000, T + 59_000); // a second early
        tally.record("e9", 0, T, T);                   // nobody scheduled e9
        tally.record("e1", 1, T, T);                   // e1's step 1 was not scheduled

        assertThat(tally.early()).isEqualTo(1);
        assertThat(tally.unexpected()).isEqualTo(2);
        assertThat(tally.missing()).isEqualTo(2);
        assertThat(tally.errors()).isEqualTo(5);
        assertThat(tally.observedLatenessMicros().getTotalCount()).isZero();
        assertThat(tally.samples()).anyMatch(s -> s.startsWith("never dispatched: e"))
                .anyMatch(s -> s.contains("1000 ms before due: e3#0"))
                .anyMatch(s -> s.equals("unexpected dispatch: e1#1"));
    }

    @Test
    void firesPerSecondSpanTheFirstToTheLastDispatchSeen() {
        DispatchTally tally = new DispatchTally();
        for (int i = 0; i < 5; i++) {
            tally.expect("e" + i, 0, T);
        }
        tally.record("e0", 0, T, T);
        tally.record("e1", 0, T + 100, T);
        tally.record("e2", 0, T + 200, T);
        tally.record("e3", 0, T + 1500, T);
        tally.record("e4", 0, T + 2000, T);

        assertThat(tally.seconds()).isEqualTo(2.0);
        assertThat(tally.firesPerSecond()).isEqualTo(2.5);
        assertThat(tally.peakPerSecond()).isEqualTo(3);
    }

    @Test
    void growsPastItsInitialCapacityAndRefusesToExpectAStepTwice() {
        DispatchTally tally = new DispatchTally();
        for (int i = 0; i < 5000; i++) {
            tally.expect("e" + i, 0, T + i);
        }
        for (int i = 0; i < 5000; i++) {
            tally.record("e" + i, 0, T + i + 7, T + i);
        }
        assertThat(tally.missing()).isZero();
        assertThat(tally.observedLatenessMicros().getValueAtPercentile(99)).isBetween(6_990L, 7_010L);
        assertThatThrownBy(() -> tally.expect("e1", 0, T)).isInstanceOf(IllegalArgumentException.class);
    }
}
