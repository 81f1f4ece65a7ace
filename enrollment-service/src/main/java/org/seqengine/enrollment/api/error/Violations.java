package org.seqengine.enrollment.api.error;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Payload;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.seqengine.enrollment.api.validation.ErrorCode;
import org.seqengine.enrollment.api.validation.ViolationDetail;

/**
 * Bean Validation violations as {@code errors[]}: the path in the request's own names (snake_case
 * fields, list indexes, map keys; a query or path parameter by its name) and a stable code: the
 * constraint's payload ({@code InvalidEnum -> invalid_enum}), its {@link ErrorCode}, or one per
 * standard constraint; or the code and message a validator attached to the violation ({@link
 * ViolationDetail}: one per bad node of a filter).
 */
public final class Violations {

    /** The name every resource gives its JSON body parameter: it is the root of the path, not a field. */
    private static final String BODY_PARAMETER = "body";
    /** A body of 100,000 bad ids names the first errors, not all: the answer stays small. */
    static final int MAX_ERRORS = 100;
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private Violations() {}

    public static List<FieldError> errors(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            List<Object> path = path(v.getPropertyPath());
            ViolationDetail detail = detail(v);
            if (detail != null) {
                errors.add(new FieldError(detail.code(), path, detail.message()));
                continue;
            }
            String message = path.isEmpty() && isRequired(v.getConstraintDescriptor()) ? "A JSON body is required." : v.getMessage();
            errors.add(new FieldError(code(v), path, message));
        }
        // a stable order: HV reports in hash order
        errors.sort(Comparator.comparing((FieldError e) -> e.path().toString()).thenComparing(FieldError::code));
        return errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors;
    }

    /** The code and message a validator gave this one violation, if any. */
    private static ViolationDetail detail(ConstraintViolation<?> v) {
        return v instanceof HibernateConstraintViolation<?> h ? h.getDynamicPayload(ViolationDetail.class) : null;
    }

    private static List<Object> path(Path propertyPath) {
        List<Object> path = new ArrayList<>();
        for (Path.Node node : propertyPath) {
            if (node.getIndex() != null) {
                path.add(node.getIndex());
            } else if (node.getKey() != null) {
                path.add(String.valueOf(node.getKey()));
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.add(SNAKE.translate(node.getName()));
            } else if (node.getKind() == ElementKind.PARAMETER && !BODY_PARAMETER.equals(node.getName())) {
                path.add(SNAKE.translate(node.getName()));
            }
        }
        return path;
    }

    private static String code(ConstraintViolation<?> v) {
        ConstraintDescriptor<?> descriptor = v.getConstraintDescriptor();
        for (Class<? extends Payload> payload : descriptor.getPayload()) {
            return SNAKE.translate(payload.getSimpleName());
        }
        Class<? extends Annotation> type = descriptor.getAnnotation().annotationType();
        ErrorCode declared = type.getAnnotation(ErrorCode.class);
        if (declared != null) return declared.value();
        if (isRequired(descriptor)) return "required";
        return switch (type.getSimpleName()) {
            case "Size" -> sizeCode(v.getInvalidValue(), descriptor);
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero" -> "out_of_range";
            case "Pattern" -> "invalid_format";
            default -> "invalid_value";
        };
    }

    private static boolean isRequired(ConstraintDescriptor<?> descriptor) {
        String name = descriptor.getAnnotation().annotationType().getSimpleName();
        return name.equals("NotNull") || name.equals("NotBlank") || name.equals("NotEmpty");
    }

    private static String sizeCode(Object value, ConstraintDescriptor<?> descriptor) {
        int min = (Integer) descriptor.getAttributes().get("min");
        int size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size()
                : value instanceof CharSequence s ? s.length() : Integer.MAX_VALUE;
        boolean tooSmall = size < min;
        if (value instanceof CharSequence) return tooSmall ? "too_short" : "too_long";
        return tooSmall ? "too_few_items" : "too_many_items";
    }
}
