package org.seqengine.exclusion.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.seqengine.exclusion.api.dto.CrmLimits;
import org.seqengine.service.validation.ErrorCode;

/**
 * A CRM field's new value: a JSON string, number, boolean or null (cleared), at most
 * {@link CrmLimits#FIELD_VALUE} characters as text. Objects and arrays have no text form a filter could compare.
 */
@Documented
@ErrorCode("invalid_field_value")
@Constraint(validatedBy = FieldValue.Validator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface FieldValue {
    String message() default "Must be a string, number, boolean or null, at most " + CrmLimits.FIELD_VALUE + " characters.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FieldValue, JsonNode> {
        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            if (value == null || value.isNull()) return true;
            return value.isValueNode() && value.asText().length() <= CrmLimits.FIELD_VALUE;
        }
    }
}
