package org.aifactory.engine;

/**
 * Virtual time is a {@code long} count of nanoseconds since the start of the run: exact, so events
 * never drift or reorder by rounding (doubles do), and good for 292 years.
 */
public final class SimTime {
  public static final long NANOS_PER_SECOND = 1_000_000_000L;
  public static final long NANOS_PER_HOUR = 3_600L * NANOS_PER_SECOND;

  private SimTime() {}

  public static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
