package org.seqengine.scheduler.domain;

import java.time.Instant;

/**
 * When a sequence may send: {@link AnyTime} (the sequence has no {@code schedule}) or a
 * {@link SendWindow}. Instants here are <em>model</em> instants (see {@link TimeScale}).
 */
public sealed interface SendSchedule permits SendSchedule.AnyTime, SendWindow {

  /** The first window that closes after {@code model} (it may already be open at {@code model}). */
  Interval windowClosingAfter(Instant model);

  /** Whether a step may go out at {@code model}. */
  default boolean allows(Instant model) {
    return windowClosingAfter(model).contains(model);
  }

  /** No schedule: a step may go at any moment. */
  record AnyTime() implements SendSchedule {
    public static final AnyTime INSTANCE = new AnyTime();

    @Override
    public Interval windowClosingAfter(Instant model) {
      return new Interval(model, Instant.MAX);
    }
  }
}
