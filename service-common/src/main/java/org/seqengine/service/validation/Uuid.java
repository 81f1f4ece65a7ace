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

/** A UUID in its canonical 36-character form; null is valid (combine with {@code @NotNull}). */
@Documented
@ErrorCode("invalid_uuid")
@Constraint(validatedBy = {})
@Pattern(regexp = Ids.UUID_REGEX)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Uuid {
    String message() default "Must be a UUID.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
