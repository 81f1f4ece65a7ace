package org.seqengine.enrollment.mapping;

import org.seqengine.enrollment.domain.StepOutput;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.schemas.avro.TaskRecord;

/** Step outputs to the wire: send requests ({@code steps.send-requests.v1}) and tasks ({@code tasks.v1}). */
public final class StepOutputMapper {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELED = "CANCELED";

    private StepOutputMapper() {}

    public static SendRequestRecord toAvro(StepOutput.SendRequest r) {
        return SendRequestRecord.newBuilder()
                .setRequestId(r.requestId()).setOrgId(r.orgId()).setPersonId(r.personId())
                .setEnrollmentId(r.enrollmentId()).setSequenceId(r.sequenceId()).setSequenceVersion(r.sequenceVersion())
                .setStepIndex(r.stepIndex()).setAttempt(r.attempt()).setMailboxId(r.mailboxId())
                .setFromEmail(r.fromEmail()).setToEmail(r.toEmail()).setSubject(r.subject()).setBody(r.body())
                .setRequestedAt(r.requestedAt())
                .build();
    }

    public static TaskRecord toAvro(StepOutput.TaskOpened t) {
        return TaskRecord.newBuilder()
                .setTaskId(t.taskId()).setOrgId(t.orgId()).setPersonId(t.personId()).setEnrollmentId(t.enrollmentId())
                .setSequenceId(t.sequenceId()).setStepIndex(t.stepIndex()).setAssigneeId(t.assigneeId())
                .setBody(t.body()).setStatus(OPEN).setCreatedAt(t.createdAt())
                .build();
    }

    /** The open task, completed or canceled as {@code closed} says. */
    public static TaskRecord closed(TaskRecord open, StepOutput.InFlightClosed closed) {
        // field by field, not newBuilder(open): its deep copy resolves the nested sealed body's class
        // through Avro's class loader, another copy of the class under Quarkus dev/test (ClassCastException)
        return TaskRecord.newBuilder()
                .setTaskId(open.getTaskId()).setOrgId(open.getOrgId()).setPersonId(open.getPersonId())
                .setEnrollmentId(open.getEnrollmentId()).setSequenceId(open.getSequenceId())
                .setStepIndex(open.getStepIndex()).setAssigneeId(open.getAssigneeId()).setBody(open.getBody())
                .setSealed(open.getSealed()).setCreatedAt(open.getCreatedAt())
                .setStatus(closed.completed() ? COMPLETED : CANCELED)
                .setCompletedAt(closed.at())
                .setCompletedBy(closed.completed() ? closed.by() : null)
                .build();
    }
}
