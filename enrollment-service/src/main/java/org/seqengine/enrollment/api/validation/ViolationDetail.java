package org.seqengine.enrollment.api.validation;

/**
 * The code and message of one violation, for a validator that reports several different problems
 * (a filter's nodes): set as the violation's Hibernate Validator dynamic payload, it takes the place
 * of the constraint's {@link ErrorCode} and message template (no interpolation of user text).
 */
public record ViolationDetail(String code, String message) {}
