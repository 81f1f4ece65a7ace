package org.seqengine.service.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.LeafNodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.seqengine.filter.FilterError;
import org.seqengine.filter.FilterParser;

/**
 * An exclusion rule's filter in the filter language of {@code exclusion-filter} (absent or null is
 * allowed). Each problem is its own violation, at the path of the bad node ({@code
 * ["filter","all",1,"op"]}) with the parser's code ({@code unknown_op}).
 */
@Documented
@ErrorCode("invalid_filter")
@Constraint(validatedBy = ValidFilter.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface ValidFilter {

    String message() default "Must be a filter: {\"all\":[...]}, {\"any\":[...]}, {\"not\":{...}} or {\"field\",\"op\",\"value\"}.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidFilter, JsonNode> {

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            if (value == null || value.isNull()) return true;
            List<FilterError> errors = FilterParser.validate(value);
            if (errors.isEmpty()) return true;
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            for (FilterError error : errors) {
                hibernate.withDynamicPayload(new ViolationDetail(error.code(), error.message()));
                addAt(context.buildConstraintViolationWithTemplate("Invalid filter."), error.pathSegments());
            }
            return false;
        }

        /**
         * The path below the annotated property ({@code filter}). Bean Validation puts a list index
         * on the node after the list ({@code all[1].op}: node {@code op} at index 1 of {@code all});
         * an index at the end goes on a bean node ({@code all[1]}).
         */
        private static void addAt(ConstraintViolationBuilder builder, List<Object> segments) {
            Cursor at = Cursor.of(builder);
            Integer index = null;
            for (Object segment : segments.subList(1, segments.size())) {
                if (segment instanceof Integer i) {
                    index = i;
                } else {
                    NodeBuilderCustomizableContext node = at.addProperty.apply((String) segment);
                    at = index == null ? Cursor.of(node) : Cursor.of(node.inIterable().atIndex(index));
                    index = null;
                }
            }
            if (index != null) {
                at.addBean.get().inIterable().atIndex(index).addConstraintViolation();
            } else {
                at.add.run();
            }
        }

        /** The three node-builder types of the API share these operations but no interface. */
        private record Cursor(Function<String, NodeBuilderCustomizableContext> addProperty,
                              Supplier<LeafNodeBuilderCustomizableContext> addBean, Runnable add) {
            static Cursor of(ConstraintViolationBuilder b) {
                return new Cursor(b::addPropertyNode, b::addBeanNode, b::addConstraintViolation);
            }

            static Cursor of(NodeBuilderCustomizableContext b) {
                return new Cursor(b::addPropertyNode, b::addBeanNode, b::addConstraintViolation);
            }

            static Cursor of(NodeBuilderDefinedContext b) {
                return new Cursor(b::addPropertyNode, b::addBeanNode, b::addConstraintViolation);
            }
        }
    }
}
