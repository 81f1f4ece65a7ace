package org.seqengine.enrollment.mapping;

/** Enum-like Avro strings to domain enums; an unknown value is invalid input (goes to the DLQ). */
final class Enums {

    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " has unknown value '" + value + "'");
        }
    }

    static <E extends Enum<E>> E parseOptional(Class<E> type, String value, String field) {
        return value == null ? null : parse(type, value, field);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
