package org.seqengine.exclusion.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.seqengine.exclusion.api.validation.CompanyDomain;
import org.seqengine.exclusion.api.validation.FieldValue;
import org.seqengine.exclusion.api.validation.ReferencesItsObject;
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.Uuid;

/**
 * One changed CRM record. {@code object} says what it is: a {@code person} names {@code person_id},
 * a {@code company} or {@code opportunity} its company's {@code domain} (any form: URL, www., port).
 * {@code fields} holds only the changed fields; a JSON string, number or boolean is stored as text,
 * {@code null} clears the field.
 */
@ReferencesItsObject
public record CrmChangeBody(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9_.-]{0," + (CrmLimits.CRM_NAME - 1) + "}$",
                message = "Must be 1-64 of a-z 0-9 _ . - (e.g. salesforce, hubspot).") String crm,
        @NotNull @Pattern(regexp = "^(person|company|opportunity)$", message = "Must be one of person, company, opportunity.",
                payload = ErrorCode.InvalidEnum.class) String object,
        @NotBlank @Size(max = CrmLimits.OBJECT_ID) String id,
        @Uuid String personId,
        @CompanyDomain @Size(max = CrmLimits.DOMAIN) String domain,
        @Size(max = CrmLimits.FIELDS) Map<@NotBlank @Size(max = CrmLimits.FIELD_NAME) String, @FieldValue JsonNode> fields,
        Boolean deleted,
        Instant changedAt) {

    public static final String PERSON = "person";
    public static final String COMPANY = "company";
    public static final String OPPORTUNITY = "opportunity";

    public boolean isPerson() {
        return PERSON.equals(object);
    }
}
