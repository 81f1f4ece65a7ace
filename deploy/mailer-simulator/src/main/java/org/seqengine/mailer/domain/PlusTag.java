package org.seqengine.mailer.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plus tag of a recipient address, the way sandbox mailers read them: {@code ada+reply-positive-2@example.com}
 * is {@link Reaction#REPLY_POSITIVE} on step 2. Steps are numbered from 1 in tags; no number means step 1.
 *
 * @param stepNumber 1-based step the reaction applies to; every other step is simply sent
 */
public record PlusTag(Reaction reaction, int stepNumber) {

    /** A tag name (letters and dashes) and an optional {@code -N} step number. */
    private static final Pattern TAG = Pattern.compile("([a-z]+(?:-[a-z]+)*)(?:-([0-9]{1,9}))?");

    public PlusTag {
        if (stepNumber < 1) {
            throw new IllegalArgumentException("stepNumber must be at least 1: " + stepNumber);
        }
    }

    /** Whether the reaction applies to the step with this 0-based index. */
    public boolean appliesTo(int stepIndex) {
        return stepIndex == stepNumber - 1;
    }

    /**
     * The first recognized tag among the {@code +}-separated parts of the address's local part, case-insensitive
     * ({@code ada+news+bounce@x} is a bounce). No tag, an unknown tag or a step number below 1: empty.
     */
    public static Optional<PlusTag> of(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
        String[] parts = local.split("\\+", -1);
        for (int i = 1; i < parts.length; i++) {
            Optional<PlusTag> tag = parse(parts[i]);
            if (tag.isPresent()) {
                return tag;
            }
        }
        return Optional.empty();
    }

    private static Optional<PlusTag> parse(String part) {
        Matcher m = TAG.matcher(part);
        if (!m.matches()) {
            return Optional.empty();
        }
        int step = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (step < 1) {
            return Optional.empty();
        }
        return Reaction.ofTag(m.group(1)).map(reaction -> new PlusTag(reaction, step));
    }
}
