package org.seqengine.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem of a filter: where ({@code filter.all[1].op}), a stable code ({@code unknown_op}) and
 * a message for people.
 */
public record FilterError(String path, String code, String message) {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    /** The path as names and list indexes: {@code filter.all[1].op -> ["filter", "all", 1, "op"]}. */
    public List<Object> pathSegments() {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        return segments;
    }
}
