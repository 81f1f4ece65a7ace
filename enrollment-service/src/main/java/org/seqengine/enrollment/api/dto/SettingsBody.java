package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.Slug;

/**
 * {@code PUT /settings}: the organization's settings, replaced as a whole (an omitted field takes its
 * default). {@code crm_write_back} maps a CRM name (as connectors name it in CRM changes, e.g.
 * {@code salesforce}) to READ_ONLY or READ_WRITE; a CRM not listed is READ_ONLY. {@code
 * stop_company_on_reply} says which replies finish the replier's colleagues' active enrollments at the
 * same company domain (never an AUTOMATED one).
 */
public record SettingsBody(
        @Schema(enumeration = {"REASSIGN_QUEUED", "UNENROLL_ALL"}, defaultValue = "REASSIGN_QUEUED")
        @Pattern(regexp = "REASSIGN_QUEUED|UNENROLL_ALL", message = "Must be REASSIGN_QUEUED or UNENROLL_ALL.",
                payload = ErrorCode.InvalidEnum.class)
        String mailboxOwnershipPolicy,
        @Size(max = Limits.CRMS)
        Map<@NotNull @Slug String,
                @NotNull @Pattern(regexp = "READ_ONLY|READ_WRITE", message = "Must be READ_ONLY or READ_WRITE.",
                        payload = ErrorCode.InvalidEnum.class) String> crmWriteBack,
        @Schema(defaultValue = "true")
        Boolean autoOptOutOnRemovalRequest,
        @Schema(enumeration = {"OFF", "ANY_REPLY", "POSITIVE_OR_NEUTRAL"}, defaultValue = "OFF")
        @Pattern(regexp = "OFF|ANY_REPLY|POSITIVE_OR_NEUTRAL", message = "Must be OFF, ANY_REPLY or POSITIVE_OR_NEUTRAL.",
                payload = ErrorCode.InvalidEnum.class)
        String stopCompanyOnReply) {}
