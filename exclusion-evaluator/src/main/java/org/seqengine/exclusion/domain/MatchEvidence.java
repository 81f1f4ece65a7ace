package org.seqengine.exclusion.domain;

/**
 * One condition that held, traced back to its record: for a person field, the CRM record the
 * merged value came from and whose person it is ({@code personId}: a colleague, for a COMPANY rule).
 */
public record MatchEvidence(String field, String op, String expected, String actual, String crm,
                            String objectType, String objectId, String personId) {

    public static final String PERSON = "person";

    /**
     * The evidence as the append-only command log may carry it: the value of a person's field is personal data and
     * is left out (exclusion-matches.v1, compacted and tombstoned at erase, keeps it); company and opportunity values
     * stay.
     */
    public MatchEvidence withoutPersonalValue() {
        return PERSON.equals(objectType) && actual != null
                ? new MatchEvidence(field, op, expected, null, crm, objectType, objectId, personId) : this;
    }
}
