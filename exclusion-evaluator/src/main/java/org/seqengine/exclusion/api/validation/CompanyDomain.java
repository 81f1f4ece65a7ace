package org.seqengine.exclusion.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.seqengine.filter.Domains;
import org.seqengine.service.validation.ErrorCode;

/** A company domain in any usual form (URL, {@code www.}, port, trailing dot) that normalizes; null is valid. */
@Documented
@ErrorCode("invalid_domain")
@Constraint(validatedBy = CompanyDomain.Validator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface CompanyDomain {
    String message() default "Must be a domain name or a URL of one (e.g. example.com).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CompanyDomain, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Domains.normalize(value) != null;
        }
    }
}
