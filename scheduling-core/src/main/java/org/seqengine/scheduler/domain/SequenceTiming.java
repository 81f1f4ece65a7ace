package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Due times and send windows of one sequence, in real instants: the {@link SendSchedule} is
 * evaluated in the model calendar of the {@link TimeScale} and mapped back.
 */
public record SequenceTiming(SendSchedule schedule, TimeScale scale) {

  /** Guards against a broken schedule; a valid window opens at least weekly. */
  private static final int MAX_WINDOWS_SKIPPED = 1_000;

  public SequenceTiming {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(scale, "scale");
  }

  public static SequenceTiming anyTime(TimeScale scale) {
    return new SequenceTiming(SendSchedule.AnyTime.INSTANCE, scale);
  }

  /**
   * When a step falls due, before its window is applied: {@code previous + waitDays * dayLength},
   * where {@code previous} is the previous step's actual send time (the enrollment time for the
   * first step). Exact durations: "2 days" across a DST change is 48 hours.
   */
  public Instant dueAt(Instant previous, int waitDays) {
    if (waitDays < 0) {
      throw new IllegalArgumentException("wait_days must be >= 0, was " + waitDays);
    }
    return previous.plus(scale.days(waitDays));
  }

  /** When the step is planned to go: its due time, moved to the window's next opening if outside. */
  public Instant scheduledAt(Instant previous, int waitDays) {
    return earliestSendableAt(dueAt(previous, waitDays));
  }

  /** The earliest instant at or after {@code t} at which the schedule lets a step go. */
  public Instant earliestSendableAt(Instant t) {
    Interval window = windowClosingAfter(t);
    return window.open().isAfter(t) ? window.open() : t;
  }

  public boolean allows(Instant t) {
    return windowClosingAfter(t).contains(t);
  }

  /**
   * The first non-empty real window that closes after {@code t}. A model window shorter than one
   * real millisecond (possible only with a very short day) maps to an empty real one and is skipped.
   */
  public Interval windowClosingAfter(Instant t) {
    if (schedule instanceof SendSchedule.AnyTime) {
      return new Interval(t, Instant.MAX);
    }
    Instant model = scale.toModel(t);
    for (int i = 0; i < MAX_WINDOWS_SKIPPED; i++) {
      Interval modelWindow = schedule.windowClosingAfter(model);
      Interval real = new Interval(scale.toReal(modelWindow.open()), scale.toReal(modelWindow.close()));
      if (!real.isEmpty() && real.close().isAfter(t)) {
        return real;
      }
      model = modelWindow.close();
    }
    throw new IllegalStateException("no usable send window after " + t + " for " + schedule + " at " + scale);
  }
}
