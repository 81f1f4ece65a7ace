package org.seqengine.stepscheduler.domain;

import java.util.Map;
import java.util.Objects;
import org.seqengine.scheduler.domain.StepKind;
import org.seqengine.scheduler.domain.template.StepTemplate;

/**
 * Whether the cause of a block is fixed, so the step is tried again (a {@code DispatchStep} with the
 * next attempt). enrollment-service decides again on that command; this check only keeps the
 * scheduler from retrying what would be blocked once more.
 *
 * <ul>
 *   <li>{@code MAILBOX_PAUSED}, {@code MAILBOX_UNAUTHORIZED}: the mailbox record can send again;</li>
 *   <li>{@code MAILBOX_FAILURE} (the mailer failed): the mailbox record changed after the failure and can
 *       send, so only a change of the mailbox ({@link Cause#MAILBOX}) retries it;</li>
 *   <li>{@code MISSING_VARIABLES}, {@code INVALID_VARIABLES}: the step's subject and body render for the
 *       person (the person record gained the value, or the step text was fixed);</li>
 *   <li>anything else: only the enrollment-service side can clear it.</li>
 * </ul>
 *
 * <p>{@link #inputs} names what the check looked at: a retry that comes back blocked is retried
 * again only once those inputs changed, so the scheduler and enrollment-service never ping-pong.
 */
public final class BlockCheck {

    /** What changed and made the scheduler look again. */
    public enum Cause { ENROLLMENT, MAILBOX, PERSON, SEQUENCE }

    public static final String MAILBOX_PAUSED = "MAILBOX_PAUSED";
    public static final String MAILBOX_UNAUTHORIZED = "MAILBOX_UNAUTHORIZED";
    public static final String MAILBOX_FAILURE = "MAILBOX_FAILURE";
    public static final String MISSING_VARIABLES = "MISSING_VARIABLES";
    public static final String INVALID_VARIABLES = "INVALID_VARIABLES";

    private BlockCheck() {}

    public static boolean isAboutMailbox(String reason) {
        return MAILBOX_PAUSED.equals(reason) || MAILBOX_UNAUTHORIZED.equals(reason) || MAILBOX_FAILURE.equals(reason);
    }

    public static boolean isAboutVariables(String reason) {
        return MISSING_VARIABLES.equals(reason) || INVALID_VARIABLES.equals(reason);
    }

    /**
     * @param step   the blocked step of the enrollment's version (null: unknown, nothing renders)
     * @param person the person's template fields (null: unknown)
     */
    public static boolean isFixed(String reason, Cause cause, MailboxSettings mailbox, SequenceStep step,
                                  Map<String, ?> person) {
        if (MAILBOX_FAILURE.equals(reason)) {
            return cause == Cause.MAILBOX && mailbox.canSend();
        }
        if (isAboutMailbox(reason)) {
            return mailbox.canSend();
        }
        if (isAboutVariables(reason)) {
            if (step == null || person == null) return false;
            if (step.kind() != StepKind.EMAIL) return true; // only emails are rendered at dispatch
            return StepTemplate.render(step.subject(), step.body(), person) instanceof StepTemplate.Ready;
        }
        return false;
    }

    /** What {@link #isFixed} looked at, as a comparable text. */
    public static String inputs(String reason, MailboxSettings mailbox, SequenceStep step, Map<String, ?> person) {
        if (isAboutMailbox(reason)) {
            return "mailbox:" + mailbox.revision() + ":" + mailbox.canSend();
        }
        if (isAboutVariables(reason)) {
            return "text:" + (step == null ? "-" : Objects.hash(step.subject(), step.body()))
                    + ":person:" + (person == null ? "-" : person.hashCode());
        }
        return "other:" + reason;
    }
}
