package org.seqengine.enrollment.domain;

import java.time.Instant;

/** What a decision needs from outside the person's state: the time and the reference data. */
public record DecisionContext(Instant now, ReferenceData reference) {}
