package org.seqengine.filter;

import java.util.List;

/** A filter that does not parse, with every problem found (not only the first). */
public final class InvalidFilterException extends Exception {

    private final transient List<FilterError> errors;

    public InvalidFilterException(List<FilterError> errors) {
        super(errors.isEmpty() ? "Invalid filter." : errors.get(0).path() + ": " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    public List<FilterError> errors() {
        return errors;
    }
}
