package org.seqengine.enrollment.domain.reference;

import java.util.Map;

/**
 * A person (prospect) as known from upstream / the CRM. {@code emailOptOut} is the CRM's opt-out flag;
 * opt-outs made in this system live in the enrollment state. {@code highBounceRisk} marks an address
 * a verifier flagged before sending ("Bounce stopped").
 */
public record Person(String orgId, String id, String email, String firstName, String lastName,
                     String linkedinUrl, String companyDomain, boolean doNotEmail, boolean emailOptOut,
                     boolean highBounceRisk, Map<String, String> attributes) {
    public Person {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
