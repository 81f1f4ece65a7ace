package org.seqengine.stepscheduler.domain;

import org.seqengine.scheduler.domain.StepKind;

/** One step of a sequence version, as the scheduler needs it. */
public record SequenceStep(StepKind kind, int waitDays, String subject, String body) {}
