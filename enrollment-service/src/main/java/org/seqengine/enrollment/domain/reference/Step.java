package org.seqengine.enrollment.domain.reference;

/** One step of a sequence: an email or a manual task, run {@code waitDays} after the previous one. */
public record Step(StepType type, int waitDays, String subject, String body) {}
