package org.seqengine.enrollment.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.seqengine.enrollment.api.dto.SequenceBody.ScheduleBody;
import org.seqengine.scheduler.domain.SendWindowParser;
import org.seqengine.scheduler.domain.Validated;
import org.seqengine.scheduler.domain.ValidationError;
import org.seqengine.service.validation.ErrorCode;
import org.seqengine.service.validation.ViolationDetail;

/**
 * A sequence's send window as scheduling-core's {@link SendWindowParser} reads it (absent or null:
 * any time), so the API accepts exactly what the scheduler can run. Each problem is its own
 * violation at its field ({@code ["schedule","time_zone"]}, {@code ["schedule","days",2]}) with the
 * parser's code in the API's lower case ({@code invalid_time_zone}, {@code window_not_increasing}).
 */
@Documented
@ErrorCode("invalid_schedule")
@Constraint(validatedBy = ValidSchedule.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface ValidSchedule {

    String message() default "Invalid schedule.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidSchedule, ScheduleBody> {

        @Override
        public boolean isValid(ScheduleBody value, ConstraintValidatorContext context) {
            if (value == null) return true;
            Validated<?> parsed = SendWindowParser.parse(value.timeZone(), value.days(), value.startTime(), value.endTime());
            if (!(parsed instanceof Validated.Invalid<?> invalid)) return true;
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            for (ValidationError error : invalid.errors()) {
                hibernate.withDynamicPayload(new ViolationDetail(error.code().toLowerCase(Locale.ROOT), error.message()));
                addAt(context, error.path());
            }
            return false;
        }

        /** The parser's path below {@code schedule}: a field, or {@code days} and an index. */
        private static void addAt(ConstraintValidatorContext context, List<String> path) {
            var builder = context.buildConstraintViolationWithTemplate("Invalid schedule.");
            List<String> below = path.subList(Math.min(1, path.size()), path.size());
            if (below.isEmpty()) {
                builder.addConstraintViolation();
            } else if (below.size() == 2) { // days, <index>
                builder.addPropertyNode(below.get(0)).addBeanNode().inIterable().atIndex(Integer.parseInt(below.get(1)))
                        .addConstraintViolation();
            } else {
                builder.addPropertyNode(below.get(0)).addConstraintViolation();
            }
        }
    }
}
