package org.seqengine.exclusion.domain;

/** A person's active enrollment, as far as exclusion cares: which one, in which sequence, from which mailbox. */
public record ActiveEnrollment(String enrollmentId, String sequenceId, String mailboxId, int stepsCompleted) {

    /** Same enrollment and sequence (what decides an exclusion; step progress does not). */
    public boolean sameTarget(ActiveEnrollment other) {
        return other != null && enrollmentId.equals(other.enrollmentId()) && sequenceId.equals(other.sequenceId());
    }
}
