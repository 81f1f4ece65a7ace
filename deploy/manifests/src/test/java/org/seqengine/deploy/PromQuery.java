package org.seqengine.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a PromQL expression of a dashboard reads: the metric names it selects and the jobs it selects them from. */
record PromQuery(String expression) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "group_left", "group_right");
    private static final Pattern JOB_MATCHER = Pattern.compile("\\bjob\\s*(=~|=)\\s*\"([^\"]*)\"");

    /** The metric names: identifiers outside label matchers, ranges and grouping clauses that call nothing. */
    Set<String> metricNames() {
        String bare = expression
                .replaceAll("\\$\\{?\\w+\\}?", "")                        // Grafana variables ($__rate_interval)
                .replaceAll("\\{[^\\}]*\\}", " ")                            // label matchers
                .replaceAll("\\[[^\\]]*\\]", " ")                            // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean called = bare.substring(m.end()).matches("(?s)\\s*\\(.*");
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!called && !number && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The jobs its {@code job="..."} / {@code job=~"a|b"} matchers select (empty: no job matcher). */
    Set<String> jobs() {
        Set<String> jobs = new TreeSet<>();
        Matcher m = JOB_MATCHER.matcher(expression);
        while (m.find()) {
            jobs.addAll(m.group(1).equals("=~") ? Set.of(m.group(2).split("\\|")) : Set.of(m.group(2)));
        }
        return jobs;
    }
}
