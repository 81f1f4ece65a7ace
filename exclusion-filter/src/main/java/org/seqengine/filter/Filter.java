package org.seqengine.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed exclusion filter: groups ({@code all}, {@code any}), negation ({@code not}) and
 * conditions on {@code person.*}, {@code company.*} and {@code opportunity.*} fields. Build one
 * with {@link FilterParser}; evaluate it with {@link FilterEvaluator} or {@link RuleEvaluator}.
 */
public sealed interface Filter {

    String PERSON = "person.";
    String COMPANY = "company.";
    String OPPORTUNITY = "opportunity.";
    /** The person's own normalized domain: not a company record's field, so it never binds. */
    String COMPANY_DOMAIN = "company.domain";

    /** True if every condition holds. */
    record All(List<Filter> of) implements Filter {
        public All {
            of = List.copyOf(of);
        }
    }

    /** True if at least one condition holds. */
    record Any(List<Filter> of) implements Filter {
        public Any {
            of = List.copyOf(of);
        }
    }

    record Not(Filter of) implements Filter {
        public Not {
            Objects.requireNonNull(of, "of");
        }
    }

    /** {@code field} like {@code person.lifecycle_stage}; {@code value} null for is_set / is_not_set. */
    record Condition(String field, Op op, JsonNode value) implements Filter {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
        }

        /** The field without its {@code person.} / {@code company.} / {@code opportunity.} prefix. */
        public String name() {
            return field.substring(field.indexOf('.') + 1);
        }
    }

    /** The direct sub-filters: a group's members, a not's operand, none for a condition. */
    default List<Filter> children() {
        if (this instanceof All a) return a.of();
        if (this instanceof Any a) return a.of();
        if (this instanceof Not n) return List.of(n.of());
        return List.of();
    }

    /** Every field the filter names, once each, in the order they appear. */
    default List<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        collectFields(this, fields);
        return new ArrayList<>(fields);
    }

    /** Whether a condition names a {@code person.*} field (a COMPANY rule then depends on every colleague). */
    default boolean referencesPersonFields() {
        return fields().stream().anyMatch(f -> f.startsWith(PERSON));
    }

    /** Whether a condition's truth can change with time alone ({@code within_last_days}, {@code older_than_days}). */
    default boolean isTimeRelative() {
        return children().stream().anyMatch(Filter::isTimeRelative)
                || this instanceof Condition c && c.op().isTimeRelative();
    }

    private static void collectFields(Filter f, Set<String> into) {
        if (f instanceof Condition c) into.add(c.field());
        for (Filter child : f.children()) collectFields(child, into);
    }
}
