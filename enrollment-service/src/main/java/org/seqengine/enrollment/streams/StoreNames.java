package org.seqengine.enrollment.streams;

/** Names of the decider's own state stores (queried by the REST edge through interactive queries). */
public final class StoreNames {

    private StoreNames() {}

    /** org/person -> PersonStateRecord: the decider's state, one entry per person. */
    public static final String PERSON_STATES = "person-states";
    /** The decider's copy of each person's data key (in memory; see PersonalData). */
    public static final String PERSON_KEYS = "person-keys";
    /** A sequence's report counts, key org/sequence/all and org/sequence/day/yyyy-MM-dd (see SequenceReportProcessor). */
    public static final String SEQUENCE_REPORT = "sequence-report";
    /** org/enrollment -> EnrollmentRecord, written by the decider next to the person state. */
    public static final String ENROLLMENTS = "enrollments";
    /** org/person/command_id -> CommandOutcomeRecord: first outcome of each command, a window store with a retention. */
    public static final String COMMAND_OUTCOMES = "command-outcomes";

    /**
     * org/task_id -> TaskRecord: the decider's open tasks (a TASK step in flight), so completing or
     * canceling one republishes the whole record; removed when it closes.
     */
    public static final String OPEN_TASKS = "open-tasks";

    /** org/enrollment -> EnrollmentRecord from enrollments.v1: partitioned by enrollment, so routable by its id. */
    public static final String ENROLLMENTS_BY_ID = "enrollments-by-id";
    /** List indexes over enrollments.v1 (see EnrollmentIndexKeys), co-partitioned with enrollments-by-id. */
    public static final String ENROLLMENT_INDEX = "enrollment-index";
    /** org/job -> UnenrollJobRecord: the progress of each bulk unenroll job, owned by one task. */
    public static final String UNENROLL_JOB_STATES = "unenroll-job-states";

    /** org/company_domain -> CompanyLedgerStateRecord: a domain's count of active enrollments and reserved
     *  slots, owned by the task of enrollment.company-ledger.v1's partition (route by that key). */
    public static final String COMPANY_LEDGER = "company-ledger";
    /** org/company_domain/&lt;active|reserved&gt;/enrollment -> CompanyMemberRecord: the members behind the count
     *  (one small entry each, so a large company is never one large record). Same task as the count. */
    public static final String COMPANY_LEDGER_MEMBERS = "company-ledger-members";

    // The global stores are named by GlobalTable.
}
