package org.seqengine.enrollment.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.enrollment.api.validation.PublishedHasSteps;
import org.seqengine.enrollment.api.validation.ValidSchedule;
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.Slug;

/**
 * {@code PUT /sequences/{id}}. A published sequence has at least one step. {@code schedule} null:
 * emails go any time; {@code task_assignment} null: {@code MAILBOX_OWNER}.
 */
@PublishedHasSteps
public record SequenceBody(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull Boolean isPublished,
        Boolean isPaused,
        @Slug String rulesetId,
        @NotNull @Size(max = Limits.STEPS) List<@NotNull @Valid StepBody> steps,
        @Valid @ValidSchedule ScheduleBody schedule,
        @Schema(description = "MAILBOX_OWNER (default), SENDER, ENROLLER, RECORD_OWNER or USER:<id>")
        @Pattern(regexp = TASK_ASSIGNMENT, message = "Must be MAILBOX_OWNER, SENDER, ENROLLER, RECORD_OWNER or USER:<id>.",
                payload = ErrorCode.InvalidEnum.class)
        String taskAssignment) {

    /** Who gets the TASK steps; a user id of at most {@link Limits#NAME} characters, no whitespace. */
    public static final String TASK_ASSIGNMENT = "MAILBOX_OWNER|SENDER|ENROLLER|RECORD_OWNER|USER:\\S{1,200}";

    /** A sequence with no schedule and the default task assignment. */
    public SequenceBody(String name, Boolean isPublished, Boolean isPaused, String rulesetId, List<StepBody> steps) {
        this(name, isPublished, isPaused, rulesetId, steps, null, null);
    }

    public record StepBody(
            @NotNull
            @Schema(enumeration = {"EMAIL", "TASK"})
            @Pattern(regexp = "EMAIL|TASK", message = "Must be EMAIL or TASK.", payload = ErrorCode.InvalidEnum.class)
            String type,
            @NotNull @Min(0) @Max(Limits.DAYS) Integer waitDays,
            @Size(max = Limits.TEXT) String subject,
            @Size(max = Limits.STEP_BODY) String body) {}

    /**
     * The send window (see scheduling-core's README, "Send windows"): local {@code start_time}
     * (inclusive) to {@code end_time} (exclusive, {@code 24:00} = end of day) on {@code days}, in
     * {@code time_zone}. Checked as a whole by {@link ValidSchedule}.
     */
    public record ScheduleBody(
            @Schema(description = "IANA time zone, e.g. Europe/Berlin") String timeZone,
            @Schema(description = "At least one of MON TUE WED THU FRI SAT SUN") @Size(max = 7) List<String> days,
            @Schema(description = "HH:mm, e.g. 09:00") String startTime,
            @Schema(description = "HH:mm or 24:00, later than start_time") String endTime) {}
}
