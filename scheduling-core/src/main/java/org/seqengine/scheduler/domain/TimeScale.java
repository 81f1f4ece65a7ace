package org.seqengine.scheduler.domain;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a scheduling "day" lasts ({@code SCHEDULER_DAY_LENGTH}, default {@code P1D}) and the
 * mapping between real instants and <em>model</em> instants, the calendar in which every rule is
 * stated (24 h days, wall-clock send windows, time zones).
 *
 * <p>With the default day the mapping is the identity. With a shorter day the model clock runs
 * {@code P1D / dayLength} times faster, anchored at the epoch:
 * {@code model = 1970-01-01T00:00Z + (real - 1970-01-01T00:00Z) * (P1D / dayLength)}, computed in
 * whole milliseconds. Real to model rounds down, model to real rounds up, so for every real
 * {@code r} and model {@code m}: {@code toModel(r) >= m} exactly when {@code r >= toReal(m)}.
 * That equivalence is what lets a window computed in the model calendar be mapped to real
 * instants without ever letting a step out early or outside its window.
 */
public final class TimeScale {

  public static final Duration DEFAULT_DAY_LENGTH = Duration.ofDays(1);
  /**
   * At 10 s a model minute (the smallest send window, times being HH:mm) still spans about 7 real
   * milliseconds, so no valid window can shrink to nothing when mapped to real time.
   */
  public static final Duration MIN_DAY_LENGTH = Duration.ofSeconds(10);

  private static final long MODEL_DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final Duration dayLength;
  private final long dayMillis;

  private TimeScale(Duration dayLength) {
    this.dayLength = dayLength;
    this.dayMillis = dayLength.toMillis();
  }

  /** The real-time scale: a day is 24 hours. */
  public static TimeScale realTime() {
    return new TimeScale(DEFAULT_DAY_LENGTH);
  }

  /**
   * @throws IllegalArgumentException unless {@code PT10S <= dayLength <= P1D} in whole milliseconds
   */
  public static TimeScale ofDayLength(Duration dayLength) {
    Objects.requireNonNull(dayLength, "dayLength");
    if (dayLength.compareTo(MIN_DAY_LENGTH) < 0 || dayLength.compareTo(DEFAULT_DAY_LENGTH) > 0) {
      throw new IllegalArgumentException(
          "SCHEDULER_DAY_LENGTH must be between PT10S and P1D, was " + dayLength);
    }
    if (dayLength.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "SCHEDULER_DAY_LENGTH must be a whole number of milliseconds, was " + dayLength);
    }
    return new TimeScale(dayLength);
  }

  /** Parses an ISO-8601 duration such as {@code P1D} or {@code PT20S}. */
  public static TimeScale parse(String isoDuration) {
    return ofDayLength(Duration.parse(isoDuration));
  }

  public Duration dayLength() {
    return dayLength;
  }

  public boolean isRealTime() {
    return dayMillis == MODEL_DAY_MILLIS;
  }

  /** A model duration (for example 24 h, or 60 s of spacing) in real time, rounded up to a millisecond. */
  public Duration toReal(Duration model) {
    if (isRealTime()) {
      return model;
    }
    return Duration.ofMillis(scale(BigInteger.valueOf(model.toMillis()), dayMillis, MODEL_DAY_MILLIS, RoundingMode.CEILING));
  }

  /** {@code days} scaled days, in real time: {@code days * dayLength}. */
  public Duration days(long days) {
    return dayLength.multipliedBy(days);
  }

  public Instant toModel(Instant real) {
    if (isRealTime()) {
      return real;
    }
    return Instant.ofEpochMilli(scale(BigInteger.valueOf(real.toEpochMilli()), MODEL_DAY_MILLIS, dayMillis, RoundingMode.FLOOR));
  }

  public Instant toReal(Instant model) {
    if (isRealTime()) {
      return model;
    }
    return Instant.ofEpochMilli(scale(BigInteger.valueOf(model.toEpochMilli()), dayMillis, MODEL_DAY_MILLIS, RoundingMode.CEILING));
  }

  private static long scale(BigInteger value, long numerator, long denominator, RoundingMode rounding) {
    BigInteger product = value.multiply(BigInteger.valueOf(numerator));
    BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(denominator));
    BigInteger q = qr[0];
    if (qr[1].signum() != 0) {
      // BigInteger division truncates toward zero; adjust for the requested direction
      boolean negative = product.signum() < 0;
      if (rounding == RoundingMode.FLOOR && negative) {
        q = q.subtract(BigInteger.ONE);
      } else if (rounding == RoundingMode.CEILING && !negative) {
        q = q.add(BigInteger.ONE);
      }
    }
    return q.longValueExact();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeScale other && other.dayLength.equals(dayLength);
  }

  @Override
  public int hashCode() {
    return dayLength.hashCode();
  }

  @Override
  public String toString() {
    return "TimeScale[day=" + dayLength + "]";
  }
}
