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
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.Slug;

/** {@code PUT /sequences/{id}}. A published sequence has at least one step. */
@PublishedHasSteps
public record SequenceBody(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull Boolean isPublished,
        Boolean isPaused,
        @Slug String rulesetId,
        @NotNull @Size(max = Limits.STEPS) List<@NotNull @Valid StepBody> steps) {

    public record StepBody(
            @NotNull
            @Schema(enumeration = {"EMAIL", "TASK"})
            @Pattern(regexp = "EMAIL|TASK", message = "Must be EMAIL or TASK.", payload = ErrorCode.InvalidEnum.class)
            String type,
            @NotNull @Min(0) @Max(Limits.DAYS) Integer waitDays,
            @Size(max = Limits.TEXT) String subject,
            @Size(max = Limits.STEP_BODY) String body) {}
}
