package org.aifactory.model.facility;

import java.util.function.DoubleUnaryOperator;

/** The slope of a function of IT power, for carrying a ramp of IT power through it. */
public final class Tangents {
  private Tangents() {}

  /**
   * The slope of {@code f} at {@code x} >= 0 by a central difference of step max(1 W, 1e-6·x), or a
   * forward one where the step would reach below 0 (no load is negative).
   */
  public static double slope(DoubleUnaryOperator f, double x) {
    double h = Math.max(1, Math.abs(x) * 1e-6);
    if (x - h < 0) {
      return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }
}
