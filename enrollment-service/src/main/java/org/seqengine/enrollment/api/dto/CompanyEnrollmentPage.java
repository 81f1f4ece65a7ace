package org.seqengine.enrollment.api.dto;

import java.util.List;

/**
 * One page of {@code GET /companies/{domain}/enrollments} ({@code next_cursor} null on the last page)
 * and what the company ledger counts at the domain now.
 */
public record CompanyEnrollmentPage(List<EnrollmentView> data, String nextCursor, Company company) {

    /**
     * The company's count against {@code max_active_enrollments_per_company}: active enrollments (every
     * sequence, paused and blocked included) and slots reserved by enrolls being decided; zeros when
     * the ledger holds nothing for the domain.
     */
    public record Company(String domain, int activeCount, int reservedCount) {}
}
