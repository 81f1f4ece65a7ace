package org.seqengine.stepscheduler.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.seqengine.scheduler.domain.StepKind;
import org.seqengine.scheduler.domain.WaitReason;

/**
 * The scheduler's meters: {@code scheduler.dispatches} (counter by step type: its rate is dispatches/s),
 * {@code scheduler.dispatch.lateness} (timer with a percentile histogram: dispatch time minus the
 * moment the step was allowed to go) and {@code scheduler.waiting} (gauge by reason: enrollments of
 * this instance's tasks waiting).
 */
@ApplicationScoped
public class MicrometerSchedulerMetrics implements SchedulerMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<StepKind, Counter> dispatches = new EnumMap<>(StepKind.class);
    private Timer lateness;
    private final Map<String, Map<String, Long>> waitingByTask = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        for (StepKind kind : StepKind.values()) {
            dispatches.put(kind, Counter.builder("scheduler.dispatches").description("DispatchStep commands sent")
                    .tag("step_type", kind.name()).register(registry));
        }
        lateness = Timer.builder("scheduler.dispatch.lateness")
                .description("Dispatch time minus the moment the step was allowed to go (due in its window, or capacity freed)")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(registry);
        for (WaitReason reason : WaitReason.values()) {
            Gauge.builder("scheduler.waiting", waitingByTask, tasks -> tasks.values().stream()
                            .mapToLong(counts -> counts.getOrDefault(reason.name(), 0L)).sum())
                    .description("Enrollments whose next step waits, by reason").tag("reason", reason.name()).register(registry);
        }
    }

    @Override
    public void dispatched(StepKind kind, Duration late) {
        dispatches.get(kind).increment();
        lateness.record(late);
    }

    @Override
    public void waiting(String taskId, Map<String, Long> byReason) {
        waitingByTask.put(taskId, byReason);
    }

    @Override
    public void taskClosed(String taskId) {
        waitingByTask.remove(taskId);
    }
}
