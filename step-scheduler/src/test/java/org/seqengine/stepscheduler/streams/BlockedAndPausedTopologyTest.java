package org.seqengine.stepscheduler.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.email;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.key;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ResumeCommand;

/** Blocked enrollments retried when the cause is fixed (next attempt), out-of-office pauses resumed at resume_at. */
class BlockedAndPausedTopologyTest {

    @TempDir
    Path stateDir;

    private SchedulerFixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    @Test
    void aPausedMailboxBlocksAndItsResumeRetriesTheStepWithTheNextAttempt() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0));
        f.mailbox("mbx", true, 200, 0);
        f.enroll("e1", "p1", "seq", "mbx");
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1"); // enrollment-service decides the block
        f.blocked("e1", "MAILBOX_PAUSED");
        f.update("e1", b -> b.setUpdatedBy("someone")); // still blocked, nothing new
        f.advance(Duration.ofMinutes(10));
        assertThat(f.dispatched()).isEmpty();

        f.mailbox("mbx", false, 200, 0);
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:2");
        f.advance(Duration.ofMinutes(10));
        assertThat(f.dispatched()).isEmpty(); // once
    }

    @Test
    void aRetryBlockedAgainWaitsForTheNextChangeInsteadOfLooping() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0));
        f.mailbox("mbx", true, 200, 0);
        f.enroll("e1", "p1", "seq", "mbx");
        f.blocked("e1", "MAILBOX_PAUSED");
        f.mailbox("mbx", false, 200, 0);
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1", "dispatch:e1:0:2");

        // enrollment-service still saw the mailbox paused: blocked again, with the same inputs here
        f.update("e1", b -> b.setUpdatedBy("decider"));
        f.advance(Duration.ofMinutes(1));
        assertThat(f.dispatched()).isEmpty();
        f.mailbox("mbx", false, 300, 0); // the record changes again
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:3");
    }

    @Test
    void aMailboxFailureIsRetriedOnlyAfterTheMailboxRecordChanges() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0), email(1));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");
        f.inFlight("e1", 0);
        f.update("e1", b -> b.setDispatchedStepIndex(null).setBlockReason("MAILBOX_FAILURE")); // the mailer failed
        f.advance(Duration.ofMinutes(1));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");

        f.mailbox("mbx", false, 200, 0);
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:2");
    }

    @Test
    void aPersonWhoGainsTheMissingVariableIsRetried() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0, "Hi {{first_name}}", "Hello {{ first_name }}"));
        f.mailbox("mbx");
        f.person("p1", null);
        f.enroll("e1", "p1", "seq", "mbx");
        f.update("e1", b -> b.setBlockReason("MISSING_VARIABLES").setBlockedVariables(List.of("first_name")));
        f.advance(Duration.ofMinutes(1));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");

        f.person("p1", "  "); // blank still counts as missing
        assertThat(f.dispatched()).isEmpty();
        f.person("p1", "Ada");
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:2");
    }

    @Test
    void aFixedStepTextUnblocksAfterTheUpgradeToTheNewVersion() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", 1, null, email(0, "Hi {{favorite_color}}", "Body"));
        f.mailbox("mbx");
        f.person("p1", "Ada");
        f.enroll("e1", "p1", "seq", "mbx");
        f.update("e1", b -> b.setBlockReason("INVALID_VARIABLES").setBlockedVariables(List.of("favorite_color")));
        f.sequence("seq", 2, null, email(0, "Hi {{first_name}}", "Body"));
        f.advance(Duration.ofSeconds(1));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1"); // version 1's text is still wrong

        f.update("e1", b -> b.setSequenceVersion(2)); // upgraded
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:2");
    }

    @Test
    void anEnrollmentMovedToAnotherMailboxNeverReusesAnAttemptOfItsOldMailbox() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0));
        f.mailbox("old", true, 200, 0);
        f.mailbox("new");
        f.enroll("e1", "p1", "seq", "old");
        f.blocked("e1", "MAILBOX_PAUSED");
        f.update("e1", b -> b.setMailboxId("new")); // queued enrollments may be reassigned
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1", "dispatch:e1:0:1001");
    }

    @Test
    void anOutOfOfficePauseGetsItsResumeAtResumeAtAndNotBefore() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0), email(2));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");
        f.inFlight("e1", 0);
        f.completed("e1", 0);
        Instant resumeAt = f.now().plus(Duration.ofDays(3));
        f.update("e1", b -> b.setPauseReason("OUT_OF_OFFICE").setResumeAt(resumeAt));
        f.update("e1", b -> b.setUpdatedBy("again")); // the same pause written again: one Resume
        f.commands();
        assertThat(f.latestStatuses()).containsEntry(key("e1"), null);

        f.advance(Duration.ofDays(3).minusMillis(1));
        assertThat(f.commands()).isEmpty(); // step 2 was due after 2 days, but the enrollment is paused
        f.advance(Duration.ofMillis(100));
        List<CommandEnvelope> resumed = f.commands();
        assertThat(resumed).extracting(CommandEnvelope::getCommandId)
                .containsExactly("resume:e1:" + resumeAt.toEpochMilli());
        assertThat(((ResumeCommand) resumed.get(0).getPayload()).getEnrollmentId()).isEqualTo("e1");
        assertThat(resumed.get(0).getPersonId()).isEqualTo("p1");

        f.update("e1", b -> b.setPauseReason(null).setResumeAt(null)); // enrollment-service resumed it
        assertThat(f.dispatched()).containsExactly("dispatch:e1:1:1"); // overdue: goes at once
    }

    @Test
    void aManualPauseHoldsWithoutAResumeAndAFinishedEnrollmentIsForgotten() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(1));
        f.mailbox("mbx");
        f.enroll("e1", "p1", "seq", "mbx");
        f.update("e1", b -> b.setPauseReason("MANUAL"));
        f.advance(Duration.ofDays(5));
        assertThat(f.commands()).isEmpty();
        f.update("e1", b -> b.setPauseReason(null));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");

        f.enroll("e2", "p2", "seq", "mbx");
        f.finished("e2", "UNENROLLED");
        assertThat(f.latestStatuses()).containsEntry(key("e2"), null);
        f.advance(Duration.ofDays(2));
        assertThat(f.dispatched()).isEmpty();
        assertThat(f.<ScheduleEntry>store(StoreNames.ENTRIES).get(key("e2"))).isNull();
    }
}
