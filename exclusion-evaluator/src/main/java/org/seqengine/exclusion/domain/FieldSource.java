package org.seqengine.exclusion.domain;

/** Where a merged person field came from: a CRM record, or the person record ({@code crm = people}). */
public record FieldSource(String crm, String objectId) {
    public static final String PEOPLE = "people";
}
