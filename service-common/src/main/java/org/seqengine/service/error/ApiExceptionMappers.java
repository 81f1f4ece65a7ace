package org.seqengine.service.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into the seed's error bodies: malformed or unexpected input is a 400 naming
 * the field, and nothing ever answers with a stack trace.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return e.toResponse();
    }

    /** Constraint violations of a request (its body, path or query parameters), every one named. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        int count = e.getConstraintViolations().size();
        List<FieldError> errors = Violations.errors(e.getConstraintViolations());
        return ApiException.badRequest(count == 1 ? errors.get(0).message()
                : "The request has " + count + " invalid field(s)"
                + (count > errors.size() ? "; the first " + errors.size() + " are listed." : "."), errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return ApiException.badRequest("Unknown field '" + e.getPropertyName() + "'.",
                List.of(new FieldError("unknown_field", path(e), "This field is not part of the request."))).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return ApiException.badRequest("A field has the wrong type.",
                List.of(new FieldError("invalid_type", path(e), "Expected " + e.getTargetType().getSimpleName() + "."))).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return ApiException.badRequest("A field has the wrong type or the body is not the expected JSON object.",
                List.of(new FieldError("invalid_type", path(e), null))).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return ApiException.badRequest("The request body is not valid JSON.",
                List.of(new FieldError("invalid_json", List.of(), null))).toResponse();
    }

    /**
     * A body without a Content-Length that grows over {@code quarkus.http.limits.max-body-size} is
     * cut while Jackson reads it ({@link BodySizeLimit} answers the ones that declare their length).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        if ("Request too large".equals(e.getMessage())) {
            return ApiException.payloadTooLarge("The request body is larger than the limit.").toResponse();
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response storesNotReady(InvalidStateStoreException e) {
        return ApiException.unavailable("The service is starting or rebalancing; retry shortly.").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ApiException.notFound("Not found.").toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.status(405).entity(Map.of("status", "method_not_allowed", "message", "Method not allowed.")).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return ApiException.badRequest("The body must be application/json.",
                List.of(new FieldError("unsupported_media_type", List.of(), null))).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400) {
            // e.g. a body Jackson could not map, wrapped by the framework
            Throwable cause = e.getCause();
            if (cause instanceof UnrecognizedPropertyException u) return unknownField(u);
            if (cause instanceof InvalidFormatException i) return invalidFormat(i);
            if (cause instanceof MismatchedInputException m) return mismatched(m);
            if (cause instanceof JsonProcessingException j) return malformed(j);
            return ApiException.badRequest("The request is malformed.",
                    List.of(new FieldError("malformed_request", List.of(), null))).toResponse();
        }
        if (status == 404) return notFound(null);
        if (status < 500) {
            return Response.status(status).entity(Map.of("status", "error", "message", "Request failed.")).build();
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Unexpected error while handling a request");
        return Response.status(500).entity(Map.of("status", "error", "message", "Internal error.")).build();
    }

    private static List<Object> path(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return path;
    }
}
