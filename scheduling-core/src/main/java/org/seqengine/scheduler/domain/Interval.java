package org.seqengine.scheduler.domain;

import java.time.Instant;
import java.util.Objects;

/** A half-open span of instants {@code [open, close)}. */
public record Interval(Instant open, Instant close) {

  public Interval {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
  }

  public boolean isEmpty() {
    return !open.isBefore(close);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(open) && t.isBefore(close);
  }
}
