package org.seqengine.exclusion.domain;

/**
 * One condition that held, traced back to its record: for a person field, the CRM record the
 * merged value came from and whose person it is ({@code personId}: a colleague, for a COMPANY rule).
 */
public record MatchEvidence(String field, String op, String expected, String actual, String crm,
                            String objectType, String objectId, String personId) {}
