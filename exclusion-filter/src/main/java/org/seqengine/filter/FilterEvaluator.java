package org.seqengine.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a filter on one person's facts at a given instant (no clock is read).
 *
 * <p>{@code person.*} reads the person's fields; {@code company.domain} is the person's domain.
 * Other {@code company.*} and {@code opportunity.*} fields are existential over the records at the
 * domain: the highest {@code all} / {@code any} / condition whose conditions all name fields of one
 * such kind is evaluated per record and holds if it holds for one record ("a group of opportunity
 * conditions must hold for one opportunity"). {@code not} never binds a record: {@code not
 * {company.x equals a}} means no company record has {@code x = a}. A lone negative condition on such
 * a field is the negation of its positive ({@code not_equals a}: no record equals {@code a};
 * {@code is_not_set}: no record sets it); inside a bound group it applies to that group's record.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {}

    public static Evaluation evaluate(Filter filter, Facts facts, Instant now) {
        Run run = new Run(facts, now);
        Result result = run.eval(filter, null);
        return new Evaluation(result.value(), result.value() ? result.evidence() : List.of(), run.nextFlipAt);
    }

    /** Where a field's value comes from; the last two are existential over records. */
    enum Scope {
        PERSON, DOMAIN, COMPANY, OPPORTUNITY;

        static Scope of(String field) {
            if (field.startsWith(Filter.PERSON)) return PERSON;
            if (field.equals(Filter.COMPANY_DOMAIN)) return DOMAIN;
            return field.startsWith(Filter.COMPANY) ? COMPANY : OPPORTUNITY;
        }

        String objectType() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A value and the statements that explain it (true statements for true, false ones for false). */
    private record Result(boolean value, List<Evidence> evidence) {}

    private static final class Run {
        private final Facts facts;
        private final Instant now;
        private Instant nextFlipAt;

        Run(Facts facts, Instant now) {
            this.facts = facts;
            this.now = now;
        }

        /**
         * Short-circuits: the leaves not evaluated cannot change the result before one of the
         * evaluated ones changes truth, so flips of evaluated leaves are all {@code nextFlipAt} needs.
         */
        Result eval(Filter f, SourceRecord bound) {
            if (bound == null && !(f instanceof Filter.Not)) {
                Scope scope = bindingScope(f);
                if (scope != null) return exists(f, scope);
            }
            if (f instanceof Filter.All all) {
                List<Evidence> why = new ArrayList<>();
                for (Filter member : all.of()) {
                    Result r = eval(member, bound);
                    if (!r.value()) return r;
                    why.addAll(r.evidence());
                }
                return new Result(true, why);
            }
            if (f instanceof Filter.Any any) {
                List<Evidence> why = new ArrayList<>();
                for (Filter member : any.of()) {
                    Result r = eval(member, bound);
                    if (r.value()) return r;
                    why.addAll(r.evidence());
                }
                return new Result(false, why);
            }
            if (f instanceof Filter.Not not) {
                Result r = eval(not.of(), bound);
                return new Result(!r.value(), r.evidence().stream().map(Evidence::negated).toList());
            }
            return condition((Filter.Condition) f, bound);
        }

        /** COMPANY or OPPORTUNITY if every condition under {@code f} names a record field of that kind. */
        private static Scope bindingScope(Filter f) {
            if (f instanceof Filter.Condition c) {
                Scope s = Scope.of(c.field());
                return s == Scope.COMPANY || s == Scope.OPPORTUNITY ? s : null;
            }
            Scope common = null;
            for (Filter child : f.children()) {
                Scope s = bindingScope(child);
                if (s == null || common != null && s != common) return null;
                common = s;
            }
            return common;
        }

        private Result exists(Filter f, Scope scope) {
            List<SourceRecord> records = scope == Scope.COMPANY ? facts.companies() : facts.opportunities();
            if (f instanceof Filter.Condition c && c.op().isNegative()) {
                Result positive = firstRecord(new Filter.Condition(c.field(), c.op().positive(), c.value()), records, scope);
                return new Result(!positive.value(), positive.evidence().stream().map(Evidence::negated).toList());
            }
            return firstRecord(f, records, scope);
        }

        /** True with the first record's evidence; false with "no record" statements. */
        private Result firstRecord(Filter f, List<SourceRecord> records, Scope scope) {
            for (SourceRecord record : records) {
                Result r = eval(f, record);
                if (r.value()) return r;
            }
            List<Evidence> none = new ArrayList<>();
            collectConditions(f, none, scope);
            return new Result(false, none);
        }

        private static void collectConditions(Filter f, List<Evidence> into, Scope scope) {
            if (f instanceof Filter.Condition c) {
                into.add(new Evidence(c.field(), c.op().json(), expected(c.value()), null, null, scope.objectType(), null));
            }
            for (Filter child : f.children()) collectConditions(child, into, scope);
        }

        private Result condition(Filter.Condition c, SourceRecord bound) {
            Scope scope = Scope.of(c.field());
            SourceRecord source = switch (scope) {
                case PERSON -> facts.person();
                case DOMAIN -> null;
                case COMPANY, OPPORTUNITY -> bound;
            };
            String actual = scope == Scope.DOMAIN ? facts.domain()
                    : scope == Scope.PERSON ? personField(source, c.name()) : recordField(source, c.name());
            if (actual != null && actual.isBlank()) actual = null;
            boolean value = test(c, actual, scope == Scope.DOMAIN);
            Evidence evidence = new Evidence(c.field(), c.op().json(), expected(c.value()), actual,
                    source == null ? null : source.crm(), source == null ? null : source.objectType(),
                    source == null ? null : source.objectId());
            return new Result(value, List.of(evidence));
        }

        /** A negative op is the negation of its positive; a value the parser would refuse never holds. */
        private boolean test(Filter.Condition c, String actual, boolean isDomain) {
            if (c.op().isNegative()) return !test(new Filter.Condition(c.field(), c.op().positive(), c.value()), actual, isDomain);
            JsonNode v = c.value();
            if (v == null && !c.op().takesNoValue()) return false;
            return switch (c.op()) {
                case EQUALS -> same(actual, Values.text(v), isDomain);
                case IN -> in(actual, v, isDomain);
                case CONTAINS -> actual != null
                        && actual.toLowerCase(Locale.ROOT).contains(Values.text(v).strip().toLowerCase(Locale.ROOT));
                case GT -> compare(actual, v) > 0;
                case LT -> compare(actual, v) < 0;
                case WITHIN_LAST_DAYS -> withinLastDays(Values.instant(actual), v.longValue());
                case OLDER_THAN_DAYS -> olderThanDays(Values.instant(actual), v.longValue());
                case IS_SET -> actual != null;
                case NOT_EQUALS, NOT_IN, IS_NOT_SET -> throw new IllegalStateException("negative op " + c.op());
                case IN_LIST -> actual != null && facts.listsContainingDomain().contains(v.asText());
            };
        }

        /** now - days <= t <= now: true on [t, t + days], so it flips at t and just after t + days. */
        private boolean withinLastDays(Instant t, long days) {
            if (t == null) return false;
            try {
                Instant end = t.plus(Duration.ofDays(days));
                if (now.isBefore(t)) {
                    flipAt(t);
                    return false;
                }
                if (!now.isAfter(end)) {
                    flipAt(end.plusNanos(1));
                    return true;
                }
                return false;
            } catch (DateTimeException | ArithmeticException e) {
                return false;
            }
        }

        /** t < now - days: true after t + days, so it flips just after t + days. */
        private boolean olderThanDays(Instant t, long days) {
            if (t == null) return false;
            try {
                Instant end = t.plus(Duration.ofDays(days));
                if (now.isAfter(end)) return true;
                flipAt(end.plusNanos(1));
                return false;
            } catch (DateTimeException | ArithmeticException e) {
                return false;
            }
        }

        private void flipAt(Instant at) {
            if (at.isAfter(now) && (nextFlipAt == null || at.isBefore(nextFlipAt))) nextFlipAt = at;
        }

        /** Comparison result, or 0 (neither gt nor lt) when the values do not compare. */
        private static int compare(String actual, JsonNode expected) {
            Integer order = actual == null ? null : Values.compare(actual, Values.text(expected));
            return order == null ? 0 : order;
        }

        private static boolean same(String actual, String expected, boolean isDomain) {
            if (isDomain && expected != null) {
                String normalized = Domains.normalize(expected);
                if (normalized != null) expected = normalized;
            }
            return Values.same(actual, expected);
        }

        private static boolean in(String actual, JsonNode values, boolean isDomain) {
            if (actual == null) return false;
            for (JsonNode v : values) {
                if (same(actual, Values.text(v), isDomain)) return true;
            }
            return false;
        }
    }

    /**
     * A person field by name; attributes answer to both {@code attributes.<x>} and bare {@code <x>},
     * whichever way the fields were keyed.
     */
    static String personField(SourceRecord person, String name) {
        if (person == null) return null;
        String value = person.fields().get(name);
        if (value != null) return value;
        String attributes = "attributes.";
        return name.startsWith(attributes) ? person.fields().get(name.substring(attributes.length()))
                : person.fields().get(attributes + name);
    }

    private static String recordField(SourceRecord record, String name) {
        return record == null ? null : record.fields().get(name);
    }

    static String expected(JsonNode value) {
        return Values.text(value);
    }
}
