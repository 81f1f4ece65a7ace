package org.seqengine.service.error;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer with the seed's body shape ({@code {"status": ..., "message": ...}}). Thrown by
 * resources and mapped to a response by {@link ApiExceptionMappers}.
 */
public class ApiException extends RuntimeException {

    private final int httpStatus;
    private final Map<String, Object> body;

    private ApiException(int httpStatus, Map<String, Object> body) {
        super((String) body.get("message"), null, false, false);
        this.httpStatus = httpStatus;
        this.body = body;
    }

    public static ApiException badRequest(String message, List<FieldError> errors) {
        Map<String, Object> body = base("bad_request", message);
        body.put("errors", errors);
        return new ApiException(400, body);
    }

    public static ApiException badRequest(FieldError error) {
        return badRequest(error.message() != null ? error.message() : "Invalid request.", List.of(error));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, base("not_found", message));
    }

    /** 409: the target is not in a state that allows the request (e.g. a task that is no longer open). */
    public static ApiException conflict(String message) {
        return new ApiException(409, base("conflict", message));
    }

    public static ApiException conflict(String message, String activeSequenceId, String activeEnrollmentId) {
        Map<String, Object> body = base("conflict", message);
        body.put("active_sequence_id", activeSequenceId);
        body.put("active_enrollment_id", activeEnrollmentId);
        return new ApiException(409, body);
    }

    /** 413: a body over {@code quarkus.http.limits.max-body-size}, or a record over Kafka's size limit. */
    public static ApiException payloadTooLarge(String message) {
        Map<String, Object> body = base("payload_too_large", message);
        body.put("errors", List.of(new FieldError("body_too_large", List.of(), message)));
        return new ApiException(413, body);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, base("unauthorized", "A valid x-api-key header is required."));
    }

    /**
     * A command that could not be processed (a bug, an output over the size limit): it was set aside
     * on the DLQ under {@code reference}, which the operator finds in the dead letter's headers and the log.
     */
    public static ApiException processingFailed(String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("reference", reference);
        body.put("message", "The command could not be processed and was set aside for an operator; "
                + "quote reference " + reference + ". Retrying it will fail the same way.");
        return new ApiException(500, body);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, base("unavailable", message));
    }

    private static Map<String, Object> base(String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return body;
    }

    /** The body as JSON text, for answers written below JAX-RS (the HTTP layer). */
    public Map<String, Object> body() {
        return body;
    }

    public Response toResponse() {
        return Response.status(httpStatus).entity(body).type("application/json").build();
    }

    public int httpStatus() {
        return httpStatus;
    }
}
