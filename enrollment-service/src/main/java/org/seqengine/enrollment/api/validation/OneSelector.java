package org.seqengine.enrollment.api.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.seqengine.enrollment.api.dto.UnenrollJobRequest;
import org.seqengine.service.validation.ErrorCode;

/** An unenroll job names exactly one selector: enrollment ids, a sequence, or company domains. */
@Documented
@ErrorCode("one_selector_required")
@Constraint(validatedBy = OneSelector.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface OneSelector {
    String message() default "Give exactly one of enrollment_ids, sequence_id, company_domains.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneSelector, UnenrollJobRequest> {
        @Override
        public boolean isValid(UnenrollJobRequest body, ConstraintValidatorContext context) {
            return body == null || body.selector() != null;
        }
    }
}
