package org.seqengine.service.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An id chosen by the caller (rulesets, exclusion rules): 1-100 of A-Z a-z 0-9 _ . -; null is valid (combine with {@code @NotNull}). */
@Documented
@ErrorCode("invalid_id")
@Constraint(validatedBy = {})
@Pattern(regexp = "^[A-Za-z0-9_.-]{1,100}$")
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Slug {
    String message() default "Must be 1-100 of A-Z a-z 0-9 _ . -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
