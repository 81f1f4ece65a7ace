package org.seqengine.enrollment.streams;

/** Names of the decider's own state stores (queried by the REST edge through interactive queries). */
public final class StoreNames {

    private StoreNames() {}

    /** org/person -> PersonStateRecord: the decider's state, one entry per person. */
    public static final String PERSON_STATES = "person-states";
    /** org/enrollment -> EnrollmentRecord, written by the decider next to the person state. */
    public static final String ENROLLMENTS = "enrollments";
    /** org/person/command_id -> CommandOutcomeRecord: first outcome of each command, a window store with a retention. */
    public static final String COMMAND_OUTCOMES = "command-outcomes";

    // The global stores are named by GlobalTable.
}
