package org.seqengine.exclusion.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.seqengine.filter.Filter;
import org.seqengine.filter.FilterParser;
import org.seqengine.filter.InvalidFilterException;
import org.seqengine.filter.RuleLevel;

/**
 * Turns a stored rule into a {@link RuleDefinition}: parses its {@code filter_json} once per
 * distinct filter (a bounded cache keyed by the filter text), and reports a filter that does not
 * parse once (such a rule matches nobody; enrollment-service validates filters on PUT, so this is a
 * record written around the API).
 */
public final class RuleCompiler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CACHE_SIZE = 10_000;

    private final BiConsumer<String, String> onInvalid;
    private final Map<String, Optional<Filter>> parsed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Filter>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** @param onInvalid told (rule id, problem) the first time a filter fails to parse */
    public RuleCompiler(BiConsumer<String, String> onInvalid) {
        this.onInvalid = onInvalid;
    }

    public RuleDefinition compile(String ruleId, String level, boolean excludeFromSequences,
                                  boolean removeFromActiveSequences, String filterJson) {
        RuleLevel ruleLevel = "COMPANY".equals(level == null ? null : level.toUpperCase(Locale.ROOT))
                ? RuleLevel.COMPANY : RuleLevel.PERSON;
        Filter filter = filterJson == null || filterJson.isBlank() ? null
                : parsed.computeIfAbsent(filterJson, json -> parse(ruleId, json)).orElse(null);
        return new RuleDefinition(ruleId, ruleLevel, filter, excludeFromSequences, removeFromActiveSequences,
                fingerprint(ruleLevel.name(), excludeFromSequences, removeFromActiveSequences, filterJson));
    }

    private Optional<Filter> parse(String ruleId, String json) {
        try {
            return Optional.of(FilterParser.parse(JSON.readTree(json)));
        } catch (InvalidFilterException e) {
            onInvalid.accept(ruleId, e.getMessage());
        } catch (Exception e) {
            onInvalid.accept(ruleId, "filter_json is not JSON: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Changes with anything that changes what the rule does. */
    public static String fingerprint(String level, boolean excludeFromSequences, boolean removeFromActive, String filterJson) {
        String text = level + "|" + excludeFromSequences + "|" + removeFromActive + "|" + filterJson;
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
