package org.seqengine.stepscheduler.streams;

/** The scheduler's state stores. Local stores are backed by changelogs (rebuilt from Kafka after a crash); global ones mirror a topic. */
public final class StoreNames {

    private StoreNames() {}

    // person stage (key org/person_id)
    /**
     * Person entry: the person's template fields and where each of their enrollments is scheduled. Personal values in
     * clear: always an in-memory store (its changelog is compacted; a people.v1 tombstone deletes the entry).
     */
    public static final String PEOPLE = "scheduler-people";

    // mailbox stage (tasks own mailboxes: every key below belongs to a mailbox of the task)
    /** org/enrollment_id -> the enrollment's schedule entry (phase, placement, last dispatch, status). */
    public static final String ENTRIES = "scheduler-entries";
    /** org/mailbox_id -> the mailbox's settings, send-log summary and capacity-queue cursor. */
    public static final String MAILBOXES = "scheduler-mailboxes";
    /** {@code <due millis, 20 digits>|<kind>|<id>} -> id: every timer of the task, in time order. */
    public static final String TIMERS = "scheduler-timers";
    /** {@code <mailbox key>|<due millis>|<arrival>|<enrollment id>} -> enrollment key: due emails waiting for capacity, FIFO. */
    public static final String CAPACITY_QUEUE = "scheduler-capacity-queue";
    /** {@code <mailbox key>|<sent millis>|<enrollment id>|<step>|<attempt>}: the emails dispatched in the rolling day. */
    public static final String SEND_LOG = "scheduler-send-log";
    /** {@code <sequence key>|<enrollment key>}: the enrollments of the task that follow each sequence. */
    public static final String BY_SEQUENCE = "scheduler-by-sequence";
    /** sequence key -> what the task last saw of the sequence (fingerprint), and its re-plan progress. */
    public static final String SEQUENCES_SEEN = "scheduler-sequences-seen";
    /** {@code <mailbox key>|<enrollment id>} -> block reason: the blocked enrollments of each mailbox. */
    public static final String BLOCKED = "scheduler-blocked";
    /** Named cursors (the timer cursor) and the task's waiting counts by reason. */
    public static final String TASK_STATE = "scheduler-task-state";
    /**
     * org/enrollment_id -> the person's template fields, while the enrollment is blocked for template variables.
     * Personal values in clear: always an in-memory store, apart from {@link #ENTRIES} (RocksDB).
     */
    public static final String TEMPLATE_PEOPLE = "scheduler-template-people";

    // global stores
    public static final String SEQUENCES = "scheduler-global-sequences";
    public static final String SEQUENCE_VERSIONS = "scheduler-global-sequence-versions";
    public static final String SEQUENCE_PAUSES = "scheduler-global-sequence-pauses";
}
