package org.seqengine.service.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An email address (at most 320 characters); null is valid (combine with {@code @NotNull}). */
@Documented
@ErrorCode("invalid_email")
@Constraint(validatedBy = {})
@Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
@Size(max = 320)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface EmailAddress {
    String message() default "Must be an email address.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
