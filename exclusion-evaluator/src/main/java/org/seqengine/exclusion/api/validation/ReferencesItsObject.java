package org.seqengine.exclusion.api.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.seqengine.exclusion.api.dto.CrmChangeBody;
import org.seqengine.service.validation.ErrorCode;

/**
 * A change names what its record belongs to, which also decides its topic and key: a person change
 * its {@code person_id}, a company or opportunity change its {@code domain}. Reported on that field.
 */
@Documented
@ErrorCode("required")
@Constraint(validatedBy = ReferencesItsObject.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ReferencesItsObject {
    String message() default "Required for this object.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReferencesItsObject, CrmChangeBody> {
        @Override
        public boolean isValid(CrmChangeBody change, ConstraintValidatorContext context) {
            if (change == null || change.object() == null) return true; // @NotNull reports a missing object
            boolean person = change.isPerson();
            String missing = person && change.personId() == null ? "personId"
                    : !person && (change.domain() == null || change.domain().isBlank()) ? "domain" : null;
            if (missing == null) return true;
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(person
                            ? "A person change needs person_id (the person's UUID)."
                            : "A " + change.object() + " change needs domain (its company's domain, e.g. example.com).")
                    .addPropertyNode(missing).addConstraintViolation();
            return false;
        }
    }
}
