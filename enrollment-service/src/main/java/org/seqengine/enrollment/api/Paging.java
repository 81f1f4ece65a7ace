package org.seqengine.enrollment.api;

import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/** The {@code limit} of a list request: 1..500, default 50. */
final class Paging {

    private Paging() {}

    static int limit(String value) {
        if (value == null) return 50;
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 500) return limit;
        } catch (NumberFormatException ignored) {
            // falls through to the 400
        }
        throw ApiException.badRequest(FieldError.of("out_of_range", "limit must be an integer from 1 to 500.", "limit"));
    }
}
