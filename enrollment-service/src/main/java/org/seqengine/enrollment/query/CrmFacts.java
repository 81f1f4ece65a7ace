package org.seqengine.enrollment.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.service.auth.ApiKeyFilter;
import org.seqengine.service.error.ApiException;

/**
 * The CRM facts exclusion-evaluator holds of a person ({@code GET /sequences/v1/people/{id}/crm}),
 * asked with the caller's own API key, so the evaluator scopes the answer to the same organization.
 * Its records ({@code {"person_id":..., "records":[...]}}) are passed on as they are; a 404 (it
 * holds nothing of the person) is an empty list. When
 * the evaluator cannot be reached or fails, the export answers 503: an export without the CRM facts
 * would silently be incomplete.
 */
@ApplicationScoped
public class CrmFacts {

    private static final Logger LOG = Logger.getLogger(CrmFacts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    EnrollmentConfig config;

    public JsonNode of(String personId, String apiKey) {
        return fetch(config.exclusionEvaluatorUrl(), personId, apiKey);
    }

    JsonNode fetch(String baseUrl, String personId, String apiKey) {
        String url = baseUrl.replaceAll("/+$", "") + "/sequences/v1/people/"
                + URLEncoder.encode(personId, StandardCharsets.UTF_8) + "/crm";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET()
                .header(ApiKeyFilter.HEADER, apiKey == null ? "" : apiKey).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("exclusion-evaluator at %s could not be reached for an export: %s", baseUrl, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (response.statusCode() == 404) return JSON.createArrayNode();
        if (response.statusCode() != 200) {
            LOG.warnf("exclusion-evaluator answered %d to an export's CRM read", response.statusCode());
            throw unavailable();
        }
        try {
            JsonNode records = JSON.readTree(response.body()).get("records");
            if (records == null || !records.isArray()) throw new IOException("no records list");
            return records;
        } catch (IOException e) {
            LOG.warnf("exclusion-evaluator's CRM answer is not JSON: %s", e.getMessage());
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("The person's CRM facts could not be read from exclusion-evaluator "
                + "(EXCLUSION_EVALUATOR_URL); nothing was exported. Retry when it is reachable.");
    }
}
