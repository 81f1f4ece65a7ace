package org.seqengine.exclusion.domain;

import java.util.Comparator;

/**
 * One field of a CRM record as last changed: {@code value} null means the CRM cleared it. The
 * later {@code changedAt} wins; equal times are broken by the value (null first, then text order),
 * so replicas that see the same changes in any order keep the same value.
 */
public record FieldValue(String value, long changedAt) {

    static final Comparator<FieldValue> ORDER = Comparator.comparingLong(FieldValue::changedAt)
            .thenComparing(FieldValue::value, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The winner of two versions of a field (either may be null). */
    public static FieldValue latest(FieldValue a, FieldValue b) {
        if (a == null) return b;
        if (b == null) return a;
        return ORDER.compare(a, b) >= 0 ? a : b;
    }
}
