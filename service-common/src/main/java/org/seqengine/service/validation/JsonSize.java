package org.seqengine.service.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A free-form JSON value (kept as text downstream) of at most {@code max} characters once
 * serialized: {@code @Size} has no meaning for a JSON tree.
 */
@Documented
@ErrorCode("too_large")
@Constraint(validatedBy = JsonSize.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface JsonSize {
    int max();

    String message() default "Must be at most {max} characters as JSON.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<JsonSize, JsonNode> {
        private int max;

        @Override
        public void initialize(JsonSize annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || value.toString().length() <= max;
        }
    }
}
