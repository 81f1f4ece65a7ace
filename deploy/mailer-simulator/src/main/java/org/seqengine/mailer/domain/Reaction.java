package org.seqengine.mailer.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a plus tag in the recipient's address makes the simulated mailbox do (the tag text is {@link #tag()}). */
public enum Reaction {
    BOUNCE("bounce"),
    REPLY_POSITIVE("reply-positive"),
    REPLY_NEGATIVE("reply-negative"),
    REPLY_NEUTRAL("reply-neutral"),
    REPLY_AUTOMATED("reply-automated"),
    /** An out-of-office auto-reply that names a return date (today + {@link MailerSimulation#OOO_RETURN_DAYS}). */
    OOO("ooo"),
    /** An out-of-office auto-reply without a return date. */
    OOO_NORETURN("ooo-noreturn"),
    /** The person clicks the unsubscribe link. */
    OPTOUT("optout"),
    /** A negative reply that asks to be removed. */
    REMOVAL_REQUEST("removal-request"),
    /** The mailbox fails to send (e.g. revoked credentials). */
    FAIL("fail");

    private final String tag;

    Reaction(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The reaction whose tag is exactly {@code tag} (lower case). */
    public static Optional<Reaction> ofTag(String tag) {
        return Arrays.stream(values()).filter(r -> r.tag.equals(tag)).findFirst();
    }
}
