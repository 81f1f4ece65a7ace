package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.seqengine.enrollment.domain.reference.OrgSettings;

/**
 * The organization's settings as the decider applies them (the defaults when it saved none:
 * {@code updated_at} is then null).
 */
public record SettingsView(String mailboxOwnershipPolicy, Map<String, String> crmWriteBack,
                           boolean autoOptOutOnRemovalRequest, String stopCompanyOnReply, Instant updatedAt,
                           String updatedBy) {

    public static SettingsView of(OrgSettings settings, Instant updatedAt, String updatedBy) {
        Map<String, String> crms = new TreeMap<>();
        settings.crmWriteBack().forEach((crm, access) -> crms.put(crm, access.name()));
        return new SettingsView(settings.mailboxOwnershipPolicy().name(), crms, settings.autoOptOutOnRemovalRequest(),
                settings.stopCompanyOnReply().name(), updatedAt, updatedBy);
    }
}
