package org.seqengine.enrollment.domain;

/**
 * The company ledger's answer to a command that would make an enrollment active at a company domain
 * whose ruleset caps active enrollments ({@code max_active_enrollments_per_company}): a slot reserved
 * for {@code enrollmentId}, or the limit reached.
 *
 * @param activeCount active enrollments plus reserved slots at the domain when the ledger answered, before this one
 */
public record CompanySlot(String companyDomain, String enrollmentId, boolean granted, int limit, int activeCount) {}
