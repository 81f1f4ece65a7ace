package org.seqengine.enrollment.api.dto;

import java.util.List;

/** One page of {@code GET /tasks}, oldest first; {@code next_cursor} is null on the last page. */
public record TaskPage(List<TaskView> data, String nextCursor) {}
