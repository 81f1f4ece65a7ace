package org.seqengine.enrollment.domain.reference;

/** Whether a rule matched on the person's own fields or on their company. */
public enum MatchLevel { PERSON, COMPANY }
