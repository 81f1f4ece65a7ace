package org.seqengine.enrollment.api.validation;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import org.seqengine.enrollment.api.dto.Limits;
import org.seqengine.service.validation.ErrorCode;

/** A query parameter of comma-separated mailbox emails: 1 to {@link Limits#MAILBOX_EMAILS} non-blank items. */
@Documented
@ErrorCode("invalid_item_count")
@Constraint(validatedBy = MailboxEmailList.Validator.class)
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface MailboxEmailList {
    String message() default "Give 1 to " + Limits.MAILBOX_EMAILS + " comma-separated mailbox emails.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MailboxEmailList, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            List<String> items = items(value);
            return items == null || (!items.isEmpty() && items.size() <= Limits.MAILBOX_EMAILS);
        }

        /** The items, trimmed, blanks dropped; null when the parameter is absent. */
        public static List<String> items(String value) {
            return value == null ? null
                    : Arrays.stream(value.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
        }
    }
}
