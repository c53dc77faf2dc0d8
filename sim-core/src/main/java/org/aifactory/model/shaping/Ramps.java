package org.aifactory.model.shaping;

import java.time.Duration;

/** Closed-form arithmetic of linear pieces of power: their lengths and integrals. */
public final class Ramps {
  private Ramps() {}

  /** A length beyond the clock's range. */
  static final long NEVER = Long.MAX_VALUE;

  /**
   * A computed length this close to a whole number of nanoseconds (relative, or 1e-6 ns) is that
   * whole number: floating-point arithmetic lands a hair above it.
   */
  private static final double WHOLE = 1e-12;

  /** A duration in nanoseconds, {@link #NEVER} beyond the clock's range. */
  static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return NEVER;
    }
  }

  /**
   * Whole nanoseconds to change power by {@code deltaWatts} >= 0 at {@code ratePerNano} (W/ns,
   * infinite: at once): ⌈ΔP / rate⌉, or the whole number a computation lands a hair above; 0 for no
   * change or no limit; {@link #NEVER} beyond the clock's range.
   */
  static long nanosToReach(double deltaWatts, double ratePerNano) {
    if (!(deltaWatts > 0) || ratePerNano == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return wholeNanos(deltaWatts / ratePerNano);
  }

  /** {@code x} nanoseconds rounded up to a whole number (down if within a hair of one). */
  public static long wholeNanos(double x) {
    if (!(x < 9.2e18)) {
      return NEVER;
    }
    double r = Math.rint(x);
    return (long) (Math.abs(x - r) <= Math.max(1e-6, WHOLE * x) ? r : Math.ceil(x));
  }

  /** ∫ of a line from {@code a} to {@code b} over {@code d}: the trapezoid. */
  static double integral(double a, double b, double d) {
    return (a + b) * 0.5 * d;
  }

  /** ∫ of the square of a line from {@code a} to {@code b} over {@code d}. */
  static double integralOfSquare(double a, double b, double d) {
    return (a * a + a * b + b * b) / 3 * d;
  }
}
