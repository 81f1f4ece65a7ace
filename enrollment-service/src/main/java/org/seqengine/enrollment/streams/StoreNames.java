package org.seqengine.enrollment.streams;

/** Names of the state stores (queried by the REST edge through interactive queries). */
public final class StoreNames {

    private StoreNames() {}

    /** org/person -> PersonStateRecord: the decider's state, one entry per person. */
    public static final String PERSON_STATES = "person-states";
    /** org/enrollment -> EnrollmentRecord, written by the decider next to the person state. */
    public static final String ENROLLMENTS = "enrollments";

    // Global stores over the compacted reference topics (readable from every task and instance).
    public static final String SEQUENCES = "sequences";
    public static final String MAILBOXES = "mailboxes";
    public static final String RULESETS = "rulesets";
    public static final String EXCLUSION_RULES = "exclusion-rules";
    public static final String PEOPLE = "people";
    public static final String EXCLUSION_MATCHES = "exclusion-matches";
    public static final String MAILBOX_LOAD = "mailbox-load";
    public static final String UNENROLL_JOBS = "unenroll-jobs";
}
