package org.seqengine.stepscheduler.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.START;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.email;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.key;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.task;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.window;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ScheduleStatusRecord;

/** When steps go out: due times, send windows, mailbox capacity (FIFO, daily limit, spacing), paused sequences. */
class SchedulerTopologyTest {

    @TempDir
    Path stateDir;

    private SchedulerFixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    @Test
    void aStepGoesWhenDueNeverBeforeAndTheNextCountsFromTheCompletion() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0), email(2));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");

        List<CommandEnvelope> first = f.commands();
        assertThat(first).extracting(CommandEnvelope::getCommandId).containsExactly("dispatch:e1:0:1");
        assertThat(first.get(0).getPersonId()).isEqualTo("p1");
        assertThat(SchedulerFixture.dispatchOf(first.get(0)).getAttempt()).isEqualTo(1);

        f.inFlight("e1", 0);
        f.advance(Duration.ofHours(1));
        f.completed("e1", 0);
        Instant due = f.now().plus(Duration.ofDays(2));
        ScheduleStatusRecord status = f.latestStatuses().get(key("e1"));
        assertThat(status.getStepIndex()).isEqualTo(1);
        assertThat(status.getWaitingFor()).isEqualTo("DUE_TIME");
        assertThat(status.getNextStepDueAt()).isEqualTo(due);

        f.advance(Duration.ofDays(2).minusMillis(1));
        assertThat(f.dispatched()).isEmpty();
        f.advance(Duration.ofMillis(100));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:1:1");
        assertThat(f.latestStatuses()).containsEntry(key("e1"), null); // dispatched: nothing scheduled
    }

    @Test
    void anUpdateWrittenBeforeTheDispatchWasDecidedNeverDispatchesTheStepAgain() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0), email(1));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");

        f.update("e1", b -> b.setUpdatedBy("someone")); // still shows step 0 ready: older than the answer
        f.advance(Duration.ofMinutes(5));
        assertThat(f.dispatched()).isEmpty();

        f.inFlight("e1", 0);
        f.update("e1", b -> b.setUpdatedBy("again")); // in flight, still
        f.advance(Duration.ofDays(3));
        assertThat(f.dispatched()).isEmpty();
    }

    @Test
    void aStepDueOutsideItsWindowWaitsForTheNextOpening() {
        f = new SchedulerFixture(stateDir);
        // START is Monday 09:00 in Berlin; the window opens at 10:00 (09:00 UTC)
        f.sequence("seq", 1, window("Europe/Berlin", List.of("MON", "TUE", "WED", "THU", "FRI"), "10:00", "12:00"), email(0));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");

        assertThat(f.dispatched()).isEmpty();
        ScheduleStatusRecord status = f.latestStatuses().get(key("e1"));
        assertThat(status.getWaitingFor()).isEqualTo("WINDOW");
        assertThat(status.getNextStepDueAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));

        f.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(f.dispatched()).isEmpty();
        f.advance(Duration.ofSeconds(1));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");
    }

    @Test
    void aStepDueOnFridayEveningWaitsForMondayAndLaterStepsCountFromTheActualSend() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", 1, window("Europe/Berlin", List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00"),
                email(0), email(4));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");
        f.inFlight("e1", 0);
        f.completed("e1", 0); // Monday 09:00 Berlin; step 2 due Friday 09:00, in the window
        f.advance(Duration.ofDays(4).minusSeconds(1));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");
        f.advance(Duration.ofSeconds(1));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:1:1");
    }

    @Test
    void overTheDailyLimitEmailsWaitInOrderAndGoWhenTheOldestSendIsADayOld() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0));
        f.mailbox("mbx", false, 2, 0);
        f.enroll("e1", "p1", "seq", "mbx");
        f.advance(Duration.ofMinutes(1));
        f.enroll("e2", "p2", "seq", "mbx");
        f.enroll("e3", "p3", "seq", "mbx");
        f.enroll("e4", "p4", "seq", "mbx");

        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1", "dispatch:e2:0:1");
        Map<String, ScheduleStatusRecord> statuses = f.latestStatuses();
        assertThat(statuses.get(key("e3")).getWaitingFor()).isEqualTo("MAILBOX_CAPACITY");
        assertThat(statuses.get(key("e3")).getNextStepDueAt()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(statuses.get(key("e4")).getWaitingFor()).isEqualTo("MAILBOX_CAPACITY");

        f.advance(Duration.ofDays(1).minusMinutes(1).minusMillis(1));
        assertThat(f.dispatched()).isEmpty();
        f.advance(Duration.ofMillis(100)); // e1's send is a day old: one slot
        assertThat(f.dispatched()).containsExactly("dispatch:e3:0:1");
        f.advance(Duration.ofMinutes(1)); // e2's too
        assertThat(f.dispatched()).containsExactly("dispatch:e4:0:1");
    }

    @Test
    void theGapBetweenTwoEmailsOfAMailboxIsKeptAndScalesWithTheDay() {
        f = new SchedulerFixture(stateDir, SchedulerFixture.settings("PT1H")); // k = 24: 60 s of gap are 2.5 s
        f.sequence("seq", email(0));
        f.mailbox("mbx", false, 200, 60);
        f.enroll("e1", "p1", "seq", "mbx");
        f.enroll("e2", "p2", "seq", "mbx");
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");
        assertThat(f.latestStatuses().get(key("e2")).getNextStepDueAt()).isEqualTo(START.plusMillis(2_500));

        f.advance(Duration.ofMillis(2_400));
        assertThat(f.dispatched()).isEmpty();
        f.advance(Duration.ofMillis(100));
        assertThat(f.dispatched()).containsExactly("dispatch:e2:0:1");
    }

    @Test
    void tasksUseNoMailboxCapacity() {
        f = new SchedulerFixture(stateDir);
        f.sequence("emails", email(0));
        f.sequence("tasks", task(0));
        f.mailbox("mbx", false, 1, 0);
        f.enroll("e1", "p1", "emails", "mbx");
        f.enroll("t1", "p2", "tasks", "mbx");
        f.enroll("e2", "p3", "emails", "mbx");
        f.enroll("t2", "p4", "tasks", "mbx");
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1", "dispatch:t1:0:1", "dispatch:t2:0:1");
        assertThat(f.latestStatuses().get(key("e2")).getWaitingFor()).isEqualTo("MAILBOX_CAPACITY");
    }

    @Test
    void aBlockedDispatchGivesItsSlotBackSoTheQueueMovesOn() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0));
        f.mailbox("mbx", false, 1, 0);
        f.enroll("e1", "p1", "seq", "mbx");
        f.enroll("e2", "p2", "seq", "mbx");
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");

        f.blocked("e1", "MISSING_VARIABLES"); // nothing was sent for e1
        assertThat(f.dispatched()).containsExactly("dispatch:e2:0:1");
    }

    @Test
    void aPausedSequenceHoldsEverythingAndItsDueStepsGoOnResume() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0), email(1));
        f.mailbox("mbx");
        f.enroll("e2", "p2", "seq", "mbx");
        f.inFlight("e2", 0);
        f.completed("e2", 0); // step 2 of e2 due in a day, on the timer wheel
        f.dispatched();
        f.pauseSequence("seq", true);
        f.advance(Duration.ofMillis(300)); // the sequence check sees the pause
        f.enroll("e1", "p1", "seq", "mbx");

        assertThat(f.dispatched()).isEmpty();
        Map<String, ScheduleStatusRecord> held = f.latestStatuses();
        assertThat(held.get(key("e1")).getWaitingFor()).isEqualTo("SEQUENCE_PAUSED");
        assertThat(held.get(key("e1")).getNextStepDueAt()).isNull();
        assertThat(held.get(key("e2")).getWaitingFor()).isEqualTo("SEQUENCE_PAUSED");
        f.advance(Duration.ofDays(2)); // e2's step falls due while paused
        assertThat(f.dispatched()).isEmpty();

        f.pauseSequence("seq", false);
        f.advance(Duration.ofMillis(300));
        assertThat(f.dispatched()).containsExactlyInAnyOrder("dispatch:e1:0:1", "dispatch:e2:1:1");
    }

    @Test
    void aResumedSequenceIsReplannedInBoundedChecksThatGoOnWhereTheyStopped() {
        f = new SchedulerFixture(stateDir, SchedulerSettings.defaults().withMaxReplansPerCheck(2));
        f.sequence("seq", email(0));
        f.mailbox("mbx");
        f.pauseSequence("seq", true);
        for (int i = 0; i < 5; i++) f.enroll("e" + i, "p" + i, "seq", "mbx");
        f.advance(Duration.ofMillis(200));
        assertThat(f.dispatched()).isEmpty();

        f.pauseSequence("seq", false);
        f.advance(Duration.ofMillis(200));
        assertThat(f.dispatched()).hasSize(2);
        f.advance(Duration.ofMillis(200));
        assertThat(f.dispatched()).hasSize(2);
        f.advance(Duration.ofMillis(200));
        assertThat(f.dispatched()).hasSize(1);
        f.advance(Duration.ofMillis(200));
        assertThat(f.dispatched()).isEmpty();
    }

    @Test
    void theStatusIsPublishedOnlyWhenItChanges() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(3));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");
        assertThat(f.statuses.readValuesToList()).hasSize(1);
        f.update("e1", b -> b.setUpdatedBy("a"));
        f.update("e1", b -> b.setUpdatedBy("b"));
        f.advance(Duration.ofHours(1));
        assertThat(f.statuses.readValuesToList()).isEmpty();
    }
}
