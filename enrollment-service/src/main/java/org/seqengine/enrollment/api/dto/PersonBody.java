package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code PUT /people/{id}}. {@code high_bounce_risk} marks an address a verifier flagged. The email
 * is not checked here: a missing or invalid one is the rule-book outcome EMAIL_INVALID at enrollment.
 */
public record PersonBody(
        @Size(max = Limits.TEXT) String email,
        @Size(max = Limits.TEXT) String firstName,
        @Size(max = Limits.TEXT) String lastName,
        @Size(max = Limits.TEXT) String linkedinUrl,
        @Size(max = Limits.TEXT) String companyDomain,
        Boolean doNotEmail,
        Boolean emailOptOut,
        Boolean highBounceRisk,
        @Size(max = Limits.ATTRIBUTES)
        Map<@NotBlank @Size(max = Limits.ATTRIBUTE_KEY) String, @NotNull @Size(max = Limits.ATTRIBUTE_VALUE) String> attributes) {}
