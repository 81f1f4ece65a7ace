package org.seqengine.enrollment.domain.reference;

public enum StepType { EMAIL, TASK }
