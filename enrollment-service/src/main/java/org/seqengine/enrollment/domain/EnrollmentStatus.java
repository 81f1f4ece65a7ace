package org.seqengine.enrollment.domain;

/** The API status of the seed contract. */
public enum EnrollmentStatus { DRAFT, IN_PROGRESS, FINISHED }
