package org.seqengine.service.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Documents the error bodies ({@link ApiException}, {@link ApiExceptionMappers}) on every API
 * operation of {@code /q/openapi}: one {@code ErrorBody} schema for every 4xx/5xx the API answers.
 * Registered with {@code mp.openapi.filter}.
 */
public class ErrorResponsesFilter implements OASFilter {

    private static final String API_PREFIX = "/sequences/v1/";
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "Bad request: errors[] names each invalid field (path) with a stable code.");
        ERRORS.put("401", "No valid x-api-key.");
        ERRORS.put("404", "Not found in the caller's organization.");
        ERRORS.put("413", "The body is larger than the configured maximum.");
        ERRORS.put("429", "Rate limited; see Retry-After.");
        ERRORS.put("503", "Starting, rebalancing, or the outcome did not arrive in time; retry.");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        openAPI.setComponents(components);
        components.addSchema("FieldError", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("code", string()).addProperty("message", string())
                .addProperty("path", OASFactory.createSchema().addType(SchemaType.ARRAY).items(OASFactory.createSchema()
                        .anyOf(List.of(string(), OASFactory.createSchema().addType(SchemaType.INTEGER)))))
                .addProperty("rule_id", string()).addProperty("level", string())
                .addProperty("company_domain", string()).addProperty("limit", integer())
                .addProperty("active_count", integer())
                .required(List.of("code")));
        components.addSchema("ErrorBody", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("status", string()).addProperty("message", string())
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("active_sequence_id", string()).addProperty("active_enrollment_id", string())
                .required(List.of("status", "message")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(API_PREFIX)) return;
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                ERRORS.forEach((status, description) -> {
                    // replaces the body-less 400 SmallRye adds for validated parameters
                    var responses = op.getValue().getResponses();
                    if (responses != null && (!responses.hasAPIResponse(status)
                            || responses.getAPIResponse(status).getContent() == null)) {
                        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent().addMediaType("application/json",
                                        OASFactory.createMediaType().schema(
                                                OASFactory.createSchema().ref("#/components/schemas/ErrorBody")))));
                    }
                });
            }
        });
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(SchemaType.INTEGER);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }
}
