package org.seqengine.enrollment.domain.reference;

/** Which setting made an exclusion rule apply to a sequence. */
public enum EnforcementLevel { ORGANIZATION, SEQUENCE }
