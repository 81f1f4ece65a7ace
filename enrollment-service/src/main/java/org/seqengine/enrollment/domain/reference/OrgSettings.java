package org.seqengine.enrollment.domain.reference;

import java.util.List;
import java.util.Map;

/**
 * An organization's settings ({@code settings.v1}, one record per org). An org that never saved any
 * has {@link #DEFAULTS}: reassign queued enrollments, every CRM read-only, removal requests opt out.
 *
 * @param crmWriteBack per CRM name: whether opt-outs made here are written back to it; a CRM not
 *                     listed is READ_ONLY
 */
public record OrgSettings(MailboxOwnershipPolicy mailboxOwnershipPolicy, Map<String, CrmAccess> crmWriteBack,
                          boolean autoOptOutOnRemovalRequest, CompanyReplyPolicy stopCompanyOnReply) {

    public static final OrgSettings DEFAULTS = new OrgSettings(MailboxOwnershipPolicy.REASSIGN_QUEUED, Map.of(), true);

    public OrgSettings(MailboxOwnershipPolicy mailboxOwnershipPolicy, Map<String, CrmAccess> crmWriteBack,
                       boolean autoOptOutOnRemovalRequest) {
        this(mailboxOwnershipPolicy, crmWriteBack, autoOptOutOnRemovalRequest, CompanyReplyPolicy.OFF);
    }

    public OrgSettings {
        stopCompanyOnReply = stopCompanyOnReply == null ? CompanyReplyPolicy.OFF : stopCompanyOnReply;
        mailboxOwnershipPolicy = mailboxOwnershipPolicy == null ? MailboxOwnershipPolicy.REASSIGN_QUEUED
                : mailboxOwnershipPolicy;
        crmWriteBack = crmWriteBack == null ? Map.of() : Map.copyOf(crmWriteBack);
    }

    /** The CRMs opt-outs are written back to, in name order (a stable output order). */
    public List<String> readWriteCrms() {
        return crmWriteBack.entrySet().stream()
                .filter(e -> e.getValue() == CrmAccess.READ_WRITE)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
