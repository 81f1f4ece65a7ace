package org.seqengine.enrollment.domain;

import java.time.Instant;

/**
 * What a decision asks the outside world to do about a step, published in the same transaction as
 * its events (see {@link StepOutputs#forDecision}): an email to send, a task to open, or the end of
 * a step in flight (which closes its task, if it was one).
 */
public sealed interface StepOutput {

    /** An EMAIL step to send: the rendered text, from the mailbox, to the person. */
    record SendRequest(String requestId, String orgId, String personId, String enrollmentId, String sequenceId,
                       int sequenceVersion, int stepIndex, int attempt, String mailboxId, String fromEmail,
                       String toEmail, String subject, String body, Instant requestedAt) implements StepOutput {}

    /** A TASK step's task, open for its assignee (null: nobody named by the sequence's task_assignment). */
    record TaskOpened(String taskId, String orgId, String personId, String enrollmentId, String sequenceId,
                      int stepIndex, String assigneeId, String body, Instant createdAt) implements StepOutput {}

    /**
     * The step in flight ended: {@code completed} when it was completed (its email reported sent, its
     * task done, by {@code by}), else abandoned (the enrollment finished or was blocked first). Only
     * a task has something to close; for an email this changes nothing.
     */
    record InFlightClosed(String requestId, String orgId, String personId, String enrollmentId, String sequenceId,
                          int stepIndex, boolean completed, Instant at, String by) implements StepOutput {}
}
