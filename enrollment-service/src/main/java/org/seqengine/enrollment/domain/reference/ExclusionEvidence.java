package org.seqengine.enrollment.domain.reference;

/**
 * One condition of an exclusion rule that held for a person: the condition ({@code field},
 * {@code op}, {@code expected}), the value seen ({@code actual}) and the record it came from
 * ({@code crm}: "people" for the person record; {@code objectType}: person, company or opportunity).
 * {@code personId} names the colleague whose record matched a COMPANY rule through person fields.
 * Everything but {@code field} and {@code op} may be null.
 */
public record ExclusionEvidence(String field, String op, String expected, String actual, String crm,
                                String objectType, String objectId, String personId) {}
