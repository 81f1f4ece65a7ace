package org.seqengine.enrollment.domain;

/** A colleague at the same company domain replied in {@code enrollmentId}; it stops the others' enrollments. */
public record ColleagueReply(String personId, String enrollmentId, ReplyClassification classification,
                             String companyDomain) {}
