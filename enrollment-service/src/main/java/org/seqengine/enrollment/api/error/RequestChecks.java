package org.seqengine.enrollment.api.error;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request before answering, so a client sees all of them in one 400
 * ({@code errors[]} with a stable code and the field's path).
 */
public final class RequestChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SLUG = Pattern.compile("^[A-Za-z0-9_.-]{1,100}$");

    private final List<FieldError> errors = new ArrayList<>();

    public static RequestChecks start() {
        return new RequestChecks();
    }

    /** A body is required; returns false (and records the error) when it is missing. */
    public boolean body(Object body) {
        if (body == null) {
            errors.add(FieldError.of("required", "A JSON body is required."));
            return false;
        }
        return true;
    }

    public RequestChecks required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(FieldError.of("required", field + " is required.", field));
        }
        return this;
    }

    public RequestChecks uuid(String value, Object... path) {
        if (value == null) {
            errors.add(new FieldError("required", List.of(path), "Required."));
        } else if (!isUuid(value)) {
            errors.add(new FieldError("invalid_uuid", List.of(path), "Must be a UUID."));
        }
        return this;
    }

    public RequestChecks optionalSlug(String value, Object... path) {
        if (value != null && !SLUG.matcher(value).matches()) {
            errors.add(new FieldError("invalid_id", List.of(path), "Must be 1-100 of A-Z a-z 0-9 _ . -"));
        }
        return this;
    }

    public RequestChecks email(String value, Object... path) {
        if (value == null) {
            errors.add(new FieldError("required", List.of(path), "Required."));
        } else if (!isEmail(value)) {
            errors.add(new FieldError("invalid_email", List.of(path), "Must be an email address."));
        }
        return this;
    }

    public RequestChecks optionalEmail(String value, Object... path) {
        if (value != null && !isEmail(value)) {
            errors.add(new FieldError("invalid_email", List.of(path), "Must be an email address."));
        }
        return this;
    }

    public RequestChecks size(Collection<?> values, int min, int max, String field) {
        if (values == null) {
            errors.add(FieldError.of("required", field + " is required.", field));
        } else if (values.size() < min) {
            errors.add(FieldError.of("too_few_items", field + " needs at least " + min + " item(s).", field));
        } else if (values.size() > max) {
            errors.add(FieldError.of("too_many_items", field + " accepts at most " + max + " items.", field));
        }
        return this;
    }

    public RequestChecks range(Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            errors.add(FieldError.of("out_of_range", field + " must be between " + min + " and " + max + ".", field));
        }
        return this;
    }

    public RequestChecks add(FieldError error) {
        errors.add(error);
        return this;
    }

    /** Throws a 400 listing every error found, if any. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.size() == 1 && errors.get(0).message() != null
                    ? errors.get(0).message() : "The request has " + errors.size() + " invalid field(s).", errors);
        }
    }

    public static boolean isUuid(String value) {
        if (value == null || value.length() != 36) return false;
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 320 && EMAIL.matcher(value).matches();
    }
}
