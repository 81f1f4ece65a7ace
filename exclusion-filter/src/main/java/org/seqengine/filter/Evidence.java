package org.seqengine.filter;

/**
 * One statement that is true of the facts and made a filter match: {@code field op expected}, the
 * value found and the record it was found on. A condition under a {@code not} reads negated
 * ({@code op} {@code not_equals} for an {@code equals} that did not hold, {@code not contains} ...);
 * an existential condition that holds because no record matched has a null actual and record id.
 *
 * @param expected the condition's value as text (a list as JSON), null for is_set / is_not_set
 * @param actual   the value found, null when not set
 */
public record Evidence(String field, String op, String expected, String actual,
                       String crm, String objectType, String objectId) {

    /** The same statement negated: {@code equals <-> not_equals}, {@code in <-> not_in}, {@code is_set <-> is_not_set}, else {@code "not " + op}. */
    public Evidence negated() {
        return new Evidence(field, negate(op), expected, actual, crm, objectType, objectId);
    }

    static String negate(String op) {
        if (op.startsWith("not ")) return op.substring(4);
        return Op.fromJson(op).map(o -> switch (o) {
            case EQUALS -> Op.NOT_EQUALS.json();
            case NOT_EQUALS -> Op.EQUALS.json();
            case IN -> Op.NOT_IN.json();
            case NOT_IN -> Op.IN.json();
            case IS_SET -> Op.IS_NOT_SET.json();
            case IS_NOT_SET -> Op.IS_SET.json();
            default -> "not " + op;
        }).orElse("not " + op);
    }
}
