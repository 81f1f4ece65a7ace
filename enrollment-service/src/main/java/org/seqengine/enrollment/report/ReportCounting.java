package org.seqengine.enrollment.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.seqengine.enrollment.domain.Enrollment;

/**
 * What a change of an enrollment, or a rejected Enroll, does to its sequence's report (pure). An
 * enrollment counts in the bucket of the day it was created, so "the last 7 days" means enrollments
 * made in those days, in whatever status they are now; a rejection counts on the day it happened.
 */
public final class ReportCounting {

    public static final String STATUS = "status:";
    public static final String FINISH = "finish:";
    public static final String REJECTED = "rejected:";
    public static final String ENROLLMENTS = "enrollments";
    public static final String PEOPLE = "people";
    public static final String COMPANIES = "companies";

    private ReportCounting() {}

    /** The counts {@code before} leaves and {@code after} enters (either may be null), netted; empty when equal. */
    public static ReportDelta change(Enrollment before, Enrollment after) {
        Enrollment any = after != null ? after : before;
        Map<String, Long> counts = new HashMap<>();
        if (before != null) add(counts, before, -1);
        if (after != null) add(counts, after, +1);
        counts.values().removeIf(n -> n == 0);
        ReportDelta.Member member = before == null ? new ReportDelta.Member(after.personId(), after.companyDomain(), +1)
                : after == null ? new ReportDelta.Member(before.personId(), before.companyDomain(), -1) : null;
        return new ReportDelta(day(any.createdAt()), counts, member);
    }

    /** A rejected Enroll into the sequence, counted under its first reason's code (null: UNKNOWN). */
    public static ReportDelta rejected(String firstCode, Instant at) {
        return new ReportDelta(day(at), Map.of(REJECTED + (firstCode == null ? "UNKNOWN" : firstCode), 1L));
    }

    public static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static void add(Map<String, Long> counts, Enrollment e, long n) {
        counts.merge(ENROLLMENTS, n, Long::sum);
        counts.merge(STATUS + e.displayStatus().name(), n, Long::sum);
        if (e.finishReason() != null) counts.merge(FINISH + e.finishReason().name(), n, Long::sum);
    }
}
