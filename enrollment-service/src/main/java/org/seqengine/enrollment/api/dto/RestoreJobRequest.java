package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code POST /exclusion-rules/{id}/restore}: reopen what the rule excluded at or after {@code since} (not in the future). */
public record RestoreJobRequest(@NotNull Instant since) {}
