package org.aifactory.engine;

import java.time.Duration;

/**
 * Virtual time is a {@code long} count of nanoseconds since the start of the run: exact, so events
 * never drift or reorder by rounding (doubles do), and good for 292 years.
 */
public final class SimTime {
  public static final long NANOS_PER_SECOND = 1_000_000_000L;
  public static final long NANOS_PER_HOUR = 3_600L * NANOS_PER_SECOND;

  private SimTime() {}

  public static long nanos(Duration d) {
    return d.toNanos();
  }

  public static double seconds(long nanos) {
    return nanos / 1e9;
  }

  public static double hours(long nanos) {
    return nanos / 3.6e12;
  }

  /** Nearest whole nanosecond to {@code seconds}. */
  public static long fromSeconds(double seconds) {
    if (!Double.isFinite(seconds) || Math.abs(seconds) > Long.MAX_VALUE / 1e9) {
      throw new IllegalArgumentException("time out of range: " + seconds + " s");
    }
    return Math.round(seconds * 1e9);
  }
}
