package org.seqengine.stepscheduler.streams;

/** Where an enrollment is in the scheduler. */
public enum Phase {
    /** Just arrived, nothing decided yet. */
    NEW,
    /** Its step waits for a timer: not due yet, or due outside its window. */
    SCHEDULED,
    /** Due, in its window, an email: waits in its mailbox's FIFO for capacity. */
    WAITING_CAPACITY,
    /** Its sequence is paused: nothing goes until it resumes. */
    HELD,
    /** Dispatched; enrollment-service has not answered yet. */
    AWAITING_OUTCOME,
    /** A step is in flight (sent and not reported yet, or its task open). */
    IN_FLIGHT,
    /** Paused (manually, or out of office until its resume_at). */
    PAUSED,
    /** Blocked: retried when the cause is fixed. */
    BLOCKED,
    /** The steps of its sequence version are not known (yet). */
    UNRESOLVED,
    /** No step left in its version (enrollment-service completes it). */
    DONE
}
