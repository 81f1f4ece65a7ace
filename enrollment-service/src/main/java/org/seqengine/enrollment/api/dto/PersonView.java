package org.seqengine.enrollment.api.dto;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.schemas.avro.PersonRecord;

/**
 * A person as upserted, plus whether they are opted out ({@code is_opted_out}: in this system or by
 * the CRM's {@code email_opt_out}) and when and how they opted out here.
 */
public record PersonView(String id, String email, String firstName, String lastName, String linkedinUrl,
                         String companyDomain, boolean doNotEmail, boolean emailOptOut, boolean highBounceRisk,
                         Map<String, String> attributes,
                         boolean isOptedOut, Instant optedOutAt, String optOutSource) {

    public static PersonView of(PersonRecord r, PersonState state) {
        Map<String, String> attributes = new TreeMap<>();
        r.getAttributes().forEach((k, v) -> attributes.put(String.valueOf(k), String.valueOf(v)));
        return new PersonView(r.getId(), r.getEmail(), r.getFirstName(), r.getLastName(), r.getLinkedinUrl(),
                r.getCompanyDomain(), r.getDoNotEmail(), r.getEmailOptOut(), r.getHighBounceRisk(), attributes,
                state.optedOut() || r.getEmailOptOut(), state.optedOutAt(),
                state.optOutSource() == null ? null : state.optOutSource().name());
    }
}
