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
import org.seqengine.enrollment.api.dto.SequenceBody;
import org.seqengine.service.validation.ErrorCode;

/** A published sequence has at least one step (a draft may have none); reported on {@code steps}. */
@Documented
@ErrorCode("steps_required")
@Constraint(validatedBy = PublishedHasSteps.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface PublishedHasSteps {
    String message() default "A published sequence needs at least one step.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PublishedHasSteps, SequenceBody> {
        @Override
        public boolean isValid(SequenceBody body, ConstraintValidatorContext context) {
            if (body == null || !Boolean.TRUE.equals(body.isPublished()) || body.steps() == null || !body.steps().isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("steps").addConstraintViolation();
            return false;
        }
    }
}
