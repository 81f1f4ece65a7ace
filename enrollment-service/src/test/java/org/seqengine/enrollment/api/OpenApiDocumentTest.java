package org.seqengine.enrollment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;

/**
 * {@code /q/openapi} documents every body: each operation's success response and each request body
 * is a named schema (a typed record), never a bare {@code object}, its properties are the JSON
 * (snake_case) names, and the error answers are documented as {@code ErrorBody}.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationHasTypedBodies() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) continue;
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode success = null;
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (r.getKey().startsWith("2")) success = r.getValue();
                }
                if (success == null) {
                    problems.add(name + ": no 2xx response");
                } else {
                    checkTyped(name + " response", success.path("content").path("application/json").path("schema"), schemas, problems);
                }
                JsonNode badRequest = op.getValue().path("responses").path("400");
                if (!badRequest.path("content").path("application/json").path("schema").path("$ref").asText("")
                        .endsWith("/ErrorBody")) {
                    problems.add(name + ": 400 is not documented as ErrorBody");
                }
                JsonNode request = op.getValue().path("requestBody");
                // a CSV upload (text/csv only) has no JSON body to type
                boolean csvOnly = request.path("content").has("text/csv") && !request.path("content").has("application/json");
                if (!request.isMissingNode() && !csvOnly) {
                    checkTyped(name + " request", request.path("content").path("application/json").path("schema"), schemas, problems);
                }
            }
        }
        assertThat(operations).as("operations documented").isGreaterThanOrEqualTo(25);
        assertThat(problems).isEmpty();
        assertThat(schemas.path("EnrollmentView").path("properties").has("display_status")).as("snake_case names").isTrue();
    }

    private static void checkTyped(String where, JsonNode schema, JsonNode schemas, List<String> problems) {
        if (schema.isMissingNode()) {
            problems.add(where + ": no application/json schema");
            return;
        }
        if (schema.has("items")) schema = schema.get("items");
        String ref = schema.path("$ref").asText("");
        if (ref.isEmpty()) {
            problems.add(where + ": inline schema " + schema);
            return;
        }
        JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        if (!target.has("properties") || target.path("properties").isEmpty()) {
            problems.add(where + ": " + ref + " has no properties");
        }
    }
}
