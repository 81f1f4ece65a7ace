package org.seqengine.enrollment.domain;

/** The seed's reply classification categories. */
public enum ReplyClassification { AUTOMATED, NEGATIVE, NEUTRAL, POSITIVE }
