package org.seqengine.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** How the filter language reads a value: as a number, an ISO date or date-time, or text. */
final class Values {

    /** Longer "numbers" are not amounts or counts: not worth a BigDecimal. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private Values() {}

    /** A decimal number, or null. */
    static BigDecimal number(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || t.length() > MAX_NUMBER_LENGTH) return null;
        char c = t.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An ISO date ({@code 2026-11-24}, the start of that day in UTC), a date-time with an offset or
     * zone ({@code 2026-11-24T10:00:00Z}) or without one (read as UTC); null for anything else.
     */
    static Instant instant(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.length() < 10 || t.length() > 64) return null;
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            int time = t.indexOf('T');
            if (time < 0) return null;
            String clock = t.substring(time);
            boolean zoned = clock.endsWith("Z") || clock.indexOf('+') >= 0 || clock.indexOf('-') >= 0 || clock.indexOf('[') >= 0;
            return zoned ? ZonedDateTime.parse(t).toInstant() : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** A scalar JSON value as the text the CRM would hold ({@code 5000}, {@code true}, {@code "open"}). */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return null;
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static boolean isScalar(JsonNode value) {
        return value != null && (value.isTextual() || value.isNumber() || value.isBoolean());
    }

    /** Trimmed, case-insensitive, numeric when both are numbers. */
    static boolean same(String actual, String expected) {
        if (actual == null || expected == null) return false;
        BigDecimal a = number(actual);
        BigDecimal e = a == null ? null : number(expected);
        if (e != null) return a.compareTo(e) == 0;
        return actual.strip().equalsIgnoreCase(expected.strip());
    }

    /** The order of two values when both are numbers, else both dates; null when they do not compare. */
    static Integer compare(String actual, String expected) {
        BigDecimal a = number(actual);
        BigDecimal e = number(expected);
        if (a != null || e != null) return a != null && e != null ? a.compareTo(e) : null;
        Instant at = instant(actual);
        Instant et = instant(expected);
        return at != null && et != null ? at.compareTo(et) : null;
    }
}
