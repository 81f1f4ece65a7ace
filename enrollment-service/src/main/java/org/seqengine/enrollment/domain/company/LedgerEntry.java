package org.seqengine.enrollment.domain.company;

import java.time.Instant;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.ReplyClassification;

/**
 * What the enrollment decider tells the company ledger of one domain, in the transaction of the
 * decision it reports ({@code enrollment.company-ledger.v1}, key {@code org_id/company_domain}).
 */
public sealed interface LedgerEntry {

    String orgId();

    String companyDomain();

    String enrollmentId();

    String personId();

    Instant at();

    /** {@code command} passed every check and waits for a slot; the ledger sends it back with its answer. */
    record Reserve(String orgId, String companyDomain, String enrollmentId, String personId, int limit,
                   EnrollmentCommand command, Instant at) implements LedgerEntry {}

    /** The enrollment became active at the domain (enrolled or reopened). */
    record Activated(String orgId, String companyDomain, String enrollmentId, String personId, String sequenceId,
                     Instant at) implements LedgerEntry {}

    /** A granted slot was not used (the command came back rejected or as a duplicate). */
    record Release(String orgId, String companyDomain, String enrollmentId, String personId, Instant at)
            implements LedgerEntry {}

    /** The active enrollment ended. */
    record Finished(String orgId, String companyDomain, String enrollmentId, String personId, Instant at)
            implements LedgerEntry {}

    /** The person replied in this enrollment and the organization stops the colleagues on such a reply. */
    record Replied(String orgId, String companyDomain, String enrollmentId, String personId,
                   ReplyClassification classification, Instant at) implements LedgerEntry {}
}
