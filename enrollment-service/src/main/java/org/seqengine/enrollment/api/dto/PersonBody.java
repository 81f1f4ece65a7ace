package org.seqengine.enrollment.api.dto;

import java.util.Map;

/** {@code PUT /people/{id}}. {@code high_bounce_risk} marks an address a verifier flagged. */
public record PersonBody(String email, String firstName, String lastName, String linkedinUrl, String companyDomain,
                         Boolean doNotEmail, Boolean emailOptOut, Boolean highBounceRisk,
                         Map<String, String> attributes) {}
