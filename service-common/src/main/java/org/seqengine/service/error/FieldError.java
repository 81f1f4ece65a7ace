package org.seqengine.service.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code errors[]} in a 400 body (the seed's UResponses.BadRequestError). Rule-book
 * exclusions also name the matching rule and the level that enforced it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String code, List<Object> path, String message, String ruleId, String level) {

    public FieldError(String code, List<Object> path, String message) {
        this(code, path, message, null, null);
    }

    public static FieldError of(String code, String message, Object... path) {
        return new FieldError(code, List.of(path), message);
    }
}
