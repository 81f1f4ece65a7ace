package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import org.seqengine.schemas.avro.TaskRecord;

/**
 * A task a TASK step created ({@code tasks.v1}): {@code status} OPEN, COMPLETED (the step completed)
 * or CANCELED (the enrollment finished first). {@code assignee_id} was fixed when the person enrolled,
 * by the sequence's {@code task_assignment}. {@code body} is stored sealed with the person's key and
 * opened for this view: null once the person was erased.
 */
public record TaskView(String id, String enrollmentId, String personId, String sequenceId, int stepIndex,
                       String assigneeId, String body, String status, Instant createdAt, Instant completedAt,
                       String completedBy) {

    /** @param body the task's body, opened (see {@code PersonalValues#taskBody}) */
    public static TaskView of(TaskRecord t, String body) {
        return new TaskView(t.getTaskId(), t.getEnrollmentId(), t.getPersonId(), t.getSequenceId(), t.getStepIndex(),
                t.getAssigneeId(), body, t.getStatus(), t.getCreatedAt(), t.getCompletedAt(), t.getCompletedBy());
    }
}
