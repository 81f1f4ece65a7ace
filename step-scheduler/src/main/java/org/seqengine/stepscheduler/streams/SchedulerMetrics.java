package org.seqengine.stepscheduler.streams;

import java.time.Duration;
import java.util.Map;
import org.seqengine.scheduler.domain.StepKind;

/** What the topology reports; Micrometer in the service, nothing in topology tests. */
public interface SchedulerMetrics {

    /** A DispatchStep went out, {@code lateness} after the step was allowed to go (its due time in its window, or capacity freed). */
    void dispatched(StepKind kind, Duration lateness);

    /** The task's enrollments waiting, by reason ({@code DUE_TIME}, {@code WINDOW}, {@code MAILBOX_CAPACITY}, {@code SEQUENCE_PAUSED}). */
    void waiting(String taskId, Map<String, Long> byReason);

    /** The task left this instance (rebalance, shutdown): its counts no longer count here. */
    void taskClosed(String taskId);

    SchedulerMetrics NONE = new SchedulerMetrics() {
        @Override
        public void dispatched(StepKind kind, Duration lateness) {}

        @Override
        public void waiting(String taskId, Map<String, Long> byReason) {}

        @Override
        public void taskClosed(String taskId) {}
    };
}
