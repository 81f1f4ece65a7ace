package org.seqengine.enrollment.domain;

/** Why an enrollment is paused. */
public enum PauseReason { MANUAL, OUT_OF_OFFICE }
