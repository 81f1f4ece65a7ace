package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.List;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequenceRecord;

/**
 * A sequence as stored. {@code version}: of its steps (each change of steps is version n+1; an
 * enrollment follows the version it was enrolled in until upgraded). {@code schedule} null: any time.
 */
public record SequenceView(String id, String name, boolean isPublished, boolean isPaused, String rulesetId,
                           List<StepView> steps, int version, ScheduleView schedule, String taskAssignment,
                           Instant updatedAt) {

    /** The task assignment of a sequence that names none. */
    public static final String DEFAULT_TASK_ASSIGNMENT = "MAILBOX_OWNER";

    public record StepView(String type, int waitDays, String subject, String body) {}

    public record ScheduleView(String timeZone, List<String> days, String startTime, String endTime) {}

    public static SequenceView of(SequenceRecord r) {
        SendScheduleRecord s = r.getSchedule();
        return new SequenceView(r.getId(), r.getName(), r.getIsPublished(), r.getIsPaused(), r.getRulesetId(),
                r.getSteps().stream().map(step -> new StepView(step.getType(), step.getWaitDays(), step.getSubject(),
                        step.getBody())).toList(),
                r.getVersion(),
                s == null ? null : new ScheduleView(s.getTimeZone(), s.getDays(), s.getStartTime(), s.getEndTime()),
                r.getTaskAssignment() == null ? DEFAULT_TASK_ASSIGNMENT : r.getTaskAssignment(), r.getUpdatedAt());
    }
}
