package org.seqengine.service.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code errors[]} in a 400 body (the seed's UResponses.BadRequestError). Rule-book
 * exclusions also name the matching rule and the level that enforced it; a company limit names the
 * company domain, the limit and how many enrollments it already counts. Unset fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String code, List<Object> path, String message, String ruleId, String level,
                         String companyDomain, Integer limit, Integer activeCount) {

    public FieldError(String code, List<Object> path, String message, String ruleId, String level) {
        this(code, path, message, ruleId, level, null, null, null);
    }

    public FieldError(String code, List<Object> path, String message) {
        this(code, path, message, null, null);
    }

    public static FieldError of(String code, String message, Object... path) {
        return new FieldError(code, List.of(path), message);
    }
}
