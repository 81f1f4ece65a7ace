package org.seqengine.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A condition's operator; JSON spells it in lower snake case ({@code "not_equals"}, {@code "in_list"}). */
public enum Op {
    EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, GT, LT, WITHIN_LAST_DAYS, OLDER_THAN_DAYS, IS_SET, IS_NOT_SET, IN_LIST;

    /** Every JSON spelling, for error messages. */
    public static final String SPELLINGS = Arrays.stream(values()).map(Op::json).collect(Collectors.joining(", "));

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The op spelled exactly so in JSON; empty for anything else (upper case included). */
    public static Optional<Op> fromJson(String spelling) {
        if (spelling == null) return Optional.empty();
        for (Op op : values()) {
            if (op.json().equals(spelling)) return Optional.of(op);
        }
        return Optional.empty();
    }

    /** The positive op this one negates ({@code NOT_EQUALS -> EQUALS}), or null if it is positive. */
    public Op positive() {
        return switch (this) {
            case NOT_EQUALS -> EQUALS;
            case NOT_IN -> IN;
            case IS_NOT_SET -> IS_SET;
            default -> null;
        };
    }

    public boolean isNegative() {
        return positive() != null;
    }

    /** Whether its truth can change with time alone. */
    public boolean isTimeRelative() {
        return this == WITHIN_LAST_DAYS || this == OLDER_THAN_DAYS;
    }

    /** Whether it takes no {@code value}. */
    public boolean takesNoValue() {
        return this == IS_SET || this == IS_NOT_SET;
    }
}
