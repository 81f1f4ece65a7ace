package org.seqengine.mailer.domain;

/** The {@code classification} of a REPLIED delivery result. */
public enum ReplyClassification {
    AUTOMATED, NEGATIVE, NEUTRAL, POSITIVE
}
