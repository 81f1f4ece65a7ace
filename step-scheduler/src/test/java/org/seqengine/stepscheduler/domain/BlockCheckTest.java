package org.seqengine.stepscheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqengine.scheduler.domain.StepKind;

class BlockCheckTest {

    static final MailboxSettings OK = new MailboxSettings(true, false, false, 200, 0, 1);
    static final MailboxSettings PAUSED = new MailboxSettings(true, true, false, 200, 0, 1);
    static final SequenceStep STEP = new SequenceStep(StepKind.EMAIL, 0, "Hi {{first_name}}", "{{attributes.title}}");

    @Test
    void mailboxBlocksAreFixedWhenTheMailboxCanSendAFailureOnlyByAMailboxChange() {
        assertThat(BlockCheck.isFixed("MAILBOX_PAUSED", BlockCheck.Cause.ENROLLMENT, OK, STEP, null)).isTrue();
        assertThat(BlockCheck.isFixed("MAILBOX_UNAUTHORIZED", BlockCheck.Cause.MAILBOX, PAUSED, STEP, null)).isFalse();
        assertThat(BlockCheck.isFixed("MAILBOX_FAILURE", BlockCheck.Cause.ENROLLMENT, OK, STEP, null)).isFalse();
        assertThat(BlockCheck.isFixed("MAILBOX_FAILURE", BlockCheck.Cause.MAILBOX, OK, STEP, null)).isTrue();
        assertThat(BlockCheck.isFixed("MAILBOX_PAUSED", BlockCheck.Cause.MAILBOX, MailboxSettings.unknown(), STEP, null)).isFalse();
    }

    @Test
    void variableBlocksAreFixedWhenTheStepRendersForThePerson() {
        Map<String, Object> without = Map.of("first_name", "Ada", "attributes", Map.of());
        Map<String, Object> with = Map.of("first_name", "Ada", "attributes", Map.of("title", "CTO"));
        assertThat(BlockCheck.isFixed("MISSING_VARIABLES", BlockCheck.Cause.PERSON, OK, STEP, without)).isFalse();
        assertThat(BlockCheck.isFixed("MISSING_VARIABLES", BlockCheck.Cause.PERSON, OK, STEP, with)).isTrue();
        assertThat(BlockCheck.isFixed("INVALID_VARIABLES", BlockCheck.Cause.SEQUENCE, OK,
                new SequenceStep(StepKind.EMAIL, 0, "{{favorite_color}}", "x"), with)).isFalse();
        assertThat(BlockCheck.isFixed("MISSING_VARIABLES", BlockCheck.Cause.PERSON, OK, null, with)).isFalse();
        assertThat(BlockCheck.isFixed("SOMETHING_ELSE", BlockCheck.Cause.MAILBOX, OK, STEP, with)).isFalse();
    }

    @Test
    void theInputsChangeWithWhatTheCheckLooksAt() {
        Map<String, Object> person = Map.of("first_name", "Ada");
        assertThat(BlockCheck.inputs("MAILBOX_PAUSED", OK, STEP, person))
                .isNotEqualTo(BlockCheck.inputs("MAILBOX_PAUSED", OK.withRevision(2), STEP, person));
        assertThat(BlockCheck.inputs("MISSING_VARIABLES", OK, STEP, person))
                .isEqualTo(BlockCheck.inputs("MISSING_VARIABLES", OK.withRevision(2), STEP, Map.of("first_name", "Ada")))
                .isNotEqualTo(BlockCheck.inputs("MISSING_VARIABLES", OK, STEP, Map.of("first_name", "Bob")));
    }
}
