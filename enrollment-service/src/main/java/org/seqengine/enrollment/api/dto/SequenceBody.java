package org.seqengine.enrollment.api.dto;

import java.util.List;

/** {@code PUT /sequences/{id}}. */
public record SequenceBody(String name, Boolean isPublished, Boolean isPaused, String rulesetId, List<StepBody> steps) {

    public record StepBody(String type, Integer waitDays, String subject, String body) {}
}
