package org.seqengine.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a filter from JSON, reporting every problem with the path of its node ({@code
 * filter.all[1].op}) rather than stopping at the first. Nesting and size are bounded so that a
 * hostile filter cannot cost the services that evaluate it.
 */
public final class FilterParser {

    /** Levels of objects from the root (the root is level 1). */
    public static final int MAX_DEPTH = 32;
    /** Filter objects (groups, nots and conditions) in one filter. */
    public static final int MAX_NODES = 1_000;
    /** Upper bound of a day count: about 270 years. */
    public static final long MAX_DAYS = 100_000;
    public static final int MAX_FIELD_LENGTH = 200;
    /** The root's name in error paths: the filter is the {@code filter} of a rule body. */
    public static final String ROOT = "filter";
    /** A list of 10,000 bad members is reported by its first errors. */
    public static final int MAX_ERRORS = 100;

    private static final Set<String> KEYS = Set.of("all", "any", "not", "field", "op", "value");
    private static final String SHAPES = "{\"all\":[...]}, {\"any\":[...]}, {\"not\":{...}} or {\"field\":...,\"op\":...,\"value\":...}";

    private final List<FilterError> errors = new ArrayList<>();
    private final String root;
    private int nodes;

    private FilterParser(String root) {
        this.root = root;
    }

    public static Filter parse(JsonNode json) throws InvalidFilterException {
        return parse(json, ROOT);
    }

    /** As {@link #parse(JsonNode)}, with error paths starting at {@code rootPath} (e.g. {@code rule.filter}). */
    public static Filter parse(JsonNode json, String rootPath) throws InvalidFilterException {
        FilterParser parser = new FilterParser(rootPath);
        Filter filter = parser.node(json, rootPath, 1);
        if (!parser.errors.isEmpty()) throw new InvalidFilterException(parser.errors);
        return filter;
    }

    /** Every problem of the filter, none if it parses. */
    public static List<FilterError> validate(JsonNode json) {
        try {
            parse(json);
            return List.of();
        } catch (InvalidFilterException e) {
            return e.errors();
        }
    }

    private Filter node(JsonNode json, String path, int depth) {
        if (json == null || !json.isObject()) {
            return error(path, "invalid_node", "Must be a filter object: " + SHAPES + ".");
        }
        if (++nodes > MAX_NODES) {
            if (nodes == MAX_NODES + 1) error(root, "too_many_nodes", "A filter has at most " + MAX_NODES + " groups, nots and conditions.");
            return null;
        }
        if (depth > MAX_DEPTH) return error(path, "too_deep", "Filters nest at most " + MAX_DEPTH + " levels.");
        List<String> shapes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) unknown.add(name);
            else if (name.equals("all") || name.equals("any") || name.equals("not")) shapes.add(name);
            else if (!shapes.contains("condition")) shapes.add("condition");
        }
        if (!unknown.isEmpty()) {
            return error(path, "invalid_node", "Unknown key(s) " + unknown + "; a filter is " + SHAPES + ".");
        }
        if (shapes.size() != 1) {
            return error(path, "invalid_node", (shapes.isEmpty() ? "Empty filter object" : "Mixes " + shapes)
                    + "; a filter is exactly one of " + SHAPES + ".");
        }
        return switch (shapes.get(0)) {
            case "all" -> group(json.get("all"), path + ".all", depth, true);
            case "any" -> group(json.get("any"), path + ".any", depth, false);
            case "not" -> {
                Filter of = node(json.get("not"), path + ".not", depth + 1);
                yield of == null ? null : new Filter.Not(of);
            }
            default -> condition(json, path);
        };
    }

    private Filter group(JsonNode members, String path, int depth, boolean all) {
        if (!members.isArray()) return error(path, "invalid_node", "Must be a list of filters.");
        if (members.isEmpty()) return error(path, "empty_group", "Must list at least one filter.");
        List<Filter> of = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < members.size(); i++) {
            Filter member = node(members.get(i), path + "[" + i + "]", depth + 1);
            valid &= member != null;
            of.add(member);
        }
        if (!valid) return null;
        return all ? new Filter.All(of) : new Filter.Any(of);
    }

    private Filter condition(JsonNode json, String path) {
        String field = field(json.get("field"), path + ".field");
        Op op = op(json.get("op"), path + ".op");
        if (op == null) return null;
        JsonNode value = json.get("value");
        boolean validValue = value(op, field, value, path);
        return field != null && validValue ? new Filter.Condition(field, op, op.takesNoValue() ? null : value) : null;
    }

    private String field(JsonNode json, String path) {
        if (json == null) return error(path, "missing_field", "A field is required, e.g. \"person.lifecycle_stage\".");
        String field = json.isTextual() ? json.textValue() : null;
        boolean known = field != null && (field.startsWith(Filter.PERSON) || field.startsWith(Filter.COMPANY)
                || field.startsWith(Filter.OPPORTUNITY));
        String name = known ? field.substring(field.indexOf('.') + 1) : null;
        if (name == null || name.isBlank() || field.length() > MAX_FIELD_LENGTH || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return error(path, "unknown_field", "Must be person.<name>, company.<name> or opportunity.<name> (no spaces, at most "
                    + MAX_FIELD_LENGTH + " characters).");
        }
        return field;
    }

    private Op op(JsonNode json, String path) {
        if (json == null) return error(path, "missing_op", "An op is required: one of " + Op.SPELLINGS + ".");
        Op op = json.isTextual() ? Op.fromJson(json.textValue()).orElse(null) : null;
        return op != null ? op : error(path, "unknown_op", "Must be one of " + Op.SPELLINGS + ".");
    }

    /** Whether the value suits the op (reporting why not). */
    private boolean value(Op op, String field, JsonNode value, String conditionPath) {
        String path = conditionPath + ".value";
        boolean absent = value == null || value.isNull();
        if (op.takesNoValue()) {
            return absent || invalid(path, op.json() + " takes no value.");
        }
        if (absent) {
            error(path, "missing_value", op.json() + " needs a value.");
            return false;
        }
        return switch (op) {
            case EQUALS, NOT_EQUALS, CONTAINS -> nonBlankScalar(value, path);
            case IN, NOT_IN -> list(value, path);
            case GT, LT -> Values.isScalar(value) && (value.isNumber()
                    || Values.number(value.asText()) != null || Values.instant(value.asText()) != null)
                    || invalid(path, op.json() + " needs a number or an ISO date (2026-11-24) or date-time (2026-11-24T10:00:00Z).");
            case WITHIN_LAST_DAYS, OLDER_THAN_DAYS -> value.isIntegralNumber() && value.canConvertToLong()
                    && value.longValue() >= 0 && value.longValue() <= MAX_DAYS
                    || invalid(path, op.json() + " needs a whole number of days from 0 to " + MAX_DAYS + ".");
            case IN_LIST -> inList(field, value, conditionPath);
            default -> throw new IllegalStateException(op.name());
        };
    }

    private boolean nonBlankScalar(JsonNode value, String path) {
        return Values.isScalar(value) && !value.asText().isBlank()
                || invalid(path, "Must be a non-blank string, a number or a boolean (use is_set / is_not_set for presence).");
    }

    private boolean list(JsonNode value, String path) {
        if (!value.isArray() || value.isEmpty()) return invalid(path, "Must be a non-empty list of strings, numbers or booleans.");
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            valid &= nonBlankScalar(value.get(i), path + "[" + i + "]");
        }
        return valid;
    }

    private boolean inList(String field, JsonNode value, String conditionPath) {
        boolean valid = value.isTextual() && !value.textValue().isBlank()
                || invalid(conditionPath + ".value", "in_list needs an exclusion list id.");
        if (field != null && !field.equals(Filter.COMPANY_DOMAIN)) {
            return invalid(conditionPath + ".field", "in_list applies only to " + Filter.COMPANY_DOMAIN + ".");
        }
        return valid;
    }

    private boolean invalid(String path, String message) {
        error(path, "invalid_value", message);
        return false;
    }

    private <T> T error(String path, String code, String message) {
        if (errors.size() < MAX_ERRORS) errors.add(new FilterError(path, code, message));
        return null;
    }
}
