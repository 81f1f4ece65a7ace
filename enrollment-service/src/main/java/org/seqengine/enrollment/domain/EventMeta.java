package org.seqengine.enrollment.domain;

import java.time.Instant;

/**
 * What every event carries; {@code commandId} is the command that caused it and {@code actor} who
 * issued that command (null when unknown).
 */
public record EventMeta(String eventId, String commandId, String orgId, String personId, Instant occurredAt,
                        String actor) {}
