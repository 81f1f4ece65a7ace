package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.List;
import org.seqengine.schemas.avro.SequenceRecord;

/** A sequence as stored. */
public record SequenceView(String id, String name, boolean isPublished, boolean isPaused, String rulesetId,
                           List<StepView> steps, Instant updatedAt) {

    public record StepView(String type, int waitDays, String subject, String body) {}

    public static SequenceView of(SequenceRecord r) {
        return new SequenceView(r.getId(), r.getName(), r.getIsPublished(), r.getIsPaused(), r.getRulesetId(),
                r.getSteps().stream().map(s -> new StepView(s.getType(), s.getWaitDays(), s.getSubject(), s.getBody())).toList(),
                r.getUpdatedAt());
    }
}
