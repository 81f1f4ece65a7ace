package org.seqengine.stepscheduler.streams;

import org.seqengine.scheduler.domain.StepKind;
import org.seqengine.stepscheduler.domain.Dispatch;
import org.seqengine.stepscheduler.domain.EnrollmentSnapshot;

/**
 * The mailbox stage's memory of one enrollment (store {@link StoreNames#ENTRIES}, JSON). No personal value: the
 * person's template fields of a blocked enrollment are in {@link StoreNames#TEMPLATE_PEOPLE} (an entry written before
 * they moved there still has a {@code person} property; it is ignored and dropped at its next write).
 */
public final class ScheduleEntry {

    public EnrollmentSnapshot enrollment;
    public String mailboxKey;
    public int generation;
    public Phase phase = Phase.NEW;
    /** The step placed on a timer, in the capacity queue or held; null when none is. */
    public Placement placement;
    /** The last DispatchStep sent (kept while the enrollment is here: never the same step and attempt twice). */
    public Dispatch lastDispatch;
    /** The send-log entry of the last dispatch (an email), given back if no email went out (blocked, excluded). */
    public String lastSendKey;
    /** What the block check saw when it last retried (a retry that comes back blocked waits for these to change). */
    public String retryInputs;
    /** The pending out-of-office Resume timer, and the resume_at a Resume was sent for. */
    public String resumeTimerKey;
    public Long resumeTimerFor;
    public Long resumeSentFor;
    /** The schedule status as last counted (and published, unless it moved away). */
    public Status status;
    /** Listed under its sequence in {@link StoreNames#BY_SEQUENCE}. */
    public boolean indexed;

    /**
     * @param dueAt     when the step falls due ({@code wait_days} after the previous step or the enrollment)
     * @param notBefore when the scheduler placed it (again after a pause or a block): it cannot have gone earlier
     * @param allowedAt when it may first go: {@code max(dueAt, notBefore)} moved into its window (lateness counts from here)
     * @param retry     a retry after a block was fixed
     * @param timerKey  its pending timer (a stale timer is ignored when it fires)
     * @param queueKey  its place in the capacity queue (a stale place is dropped when the queue reaches it)
     */
    public record Placement(int stepIndex, int attempt, StepKind kind, long dueAt, long notBefore, long allowedAt,
                            boolean retry, String timerKey, String queueKey) {

        boolean sameStep(int step, int tryNumber, long due) {
            return stepIndex == step && attempt == tryNumber && dueAt == due;
        }

        Placement withTimer(String key) {
            return new Placement(stepIndex, attempt, kind, dueAt, notBefore, allowedAt, retry, key, null);
        }

        Placement inQueue(String key) {
            return new Placement(stepIndex, attempt, kind, dueAt, notBefore, allowedAt, retry, null, key);
        }
    }

    /** What steps.schedule-status.v1 shows: {@code dueAt} null while a paused sequence holds it. */
    public record Status(int stepIndex, Long dueAt, String waitingFor) {}
}
