package org.seqengine.enrollment.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything this system holds of one person, for the person's access request (GDPR art. 15/20):
 * <ul>
 *   <li>{@code person}: the person record as {@code GET /people/{id}} shows it, null when there is none (erased);</li>
 *   <li>{@code opt_out}: whether and when they opted out, and how; {@code erased_at} when they were erased, else null;</li>
 *   <li>{@code crm}: the CRM facts exclusion-evaluator holds of them, as its {@code GET /people/{id}/crm} answers ([] for none);</li>
 *   <li>{@code enrollments}: every enrollment, active and finished;</li>
 *   <li>{@code events}: every event of {@code enrollment.events.v1} about them, oldest first;</li>
 *   <li>{@code send_requests}: every email requested for them ({@code steps.send-requests.v1});</li>
 *   <li>{@code tasks}: the tasks their TASK steps created.</li>
 * </ul>
 * Sealed values are opened with the person's key; once the person is erased they read as null.
 */
public record PersonExport(String personId, Instant exportedAt, PersonView person, OptOut optOut, Instant erasedAt,
                           @Schema(description = "exclusion-evaluator's answer to GET /sequences/v1/people/{id}/crm") JsonNode crm,
                           List<EnrollmentView> enrollments,
                           @Schema(description = "Event envelopes as JSON; payload.type names the event") List<JsonNode> events,
                           @Schema(description = "Send request records as JSON, to_email, subject and body opened") List<JsonNode> sendRequests,
                           List<TaskView> tasks) {

    /** The person's opt-out: here (link, admin, reply, API) or by the CRM's email_opt_out. */
    public record OptOut(boolean isOptedOut, Instant optedOutAt, String source) {}
}
