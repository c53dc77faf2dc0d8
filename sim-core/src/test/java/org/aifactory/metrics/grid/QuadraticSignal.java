package org.aifactory.metrics.grid;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A random piecewise-quadratic signal for the tests, with its value and its integral in closed
 * form: the reference the exact checks are compared with by dense evaluation. Each piece holds
 * {@code value + slope·τ + curve·τ²} over [start, end); some pieces continue the one before, others
 * jump; before time 0 the signal holds {@code initial}.
 */
final class QuadraticSignal {
  final long[] start;
  final long[] end;
  final double[] value;
  final double[] slope;
  final double[] curve;
  final double initial;
  private final double[] integralAtStart;

  private QuadraticSignal(
      long[] start, long[] end, double[] value, double[] slope, double[] curve, double initial) {
    this.start = start;
    this.end = end;
    this.value = value;
    this.slope = slope;
    this.curve = curve;
    this.initial = initial;
    this.integralAtStart = new double[start.length + 1];
    for (int i = 0; i < start.length; i++) {
      double l = end[i] - start[i];
      integralAtStart[i + 1] = integralAtStart[i] + partIntegral(i, l);
    }
  }

  /**
   * {@code pieces} pieces lasting 1 ms to {@code longestNanos}, values of 50 to 150 MW, slopes up
   * to 20 MW/s, curves bending a piece by up to 20 MW over its length; about half continue the
   * piece before (same value where they meet).
   */
  static QuadraticSignal random(long seed, int pieces, long longestNanos) {
    return random(seed, pieces, longestNanos, false);
  }

  /**
   * As {@link #random(long, int, long)}, or, if {@code continuous}, every piece continuing the one
   * before (no jumps: the extremes are the curves' tops and bottoms and the ends of slopes).
   */
  static QuadraticSignal random(long seed, int pieces, long longestNanos, boolean continuous) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] start = new long[pieces];
    long[] end = new long[pieces];
    double[] value = new double[pieces];
    double[] slope = new double[pieces];
    double[] curve = new double[pieces];
    long t = 0;
    for (int i = 0; i < pieces; i++) {
      long length = r.nextLong(1_000_000L, longestNanos + 1);
      double l = length;
      start[i] = t;
      end[i] = t + length;
      slope[i] = r.nextDouble(-2e-2, 2e-2);
      curve[i] = r.nextDouble(-2e7, 2e7) / (l * l);
      if (i > 0 && (r.nextBoolean() || continuous)) {
        double prior = end[i - 1] - start[i - 1];
        value[i] = value[i - 1] + (slope[i - 1] + curve[i - 1] * prior) * prior;
      } else {
        value[i] = r.nextDouble(50e6, 150e6);
      }
      t += length;
    }
    return new QuadraticSignal(start, end, value, slope, curve, r.nextDouble(50e6, 150e6));
  }

  /** One piece, or several with the same value, slope and curve at their starts. */
  static QuadraticSignal of(long[] start, long[] end, double value, double slope, double curve) {
    int n = start.length;
    double[] v = new double[n];
    double[] d = new double[n];
    double[] c = new double[n];
    java.util.Arrays.fill(v, value);
    java.util.Arrays.fill(d, slope);
    java.util.Arrays.fill(c, curve);
    return new QuadraticSignal(start, end, v, d, c, value);
  }

  /** The same signal with every curve 0 (lines), the values and slopes kept. */
  QuadraticSignal lines() {
    return new QuadraticSignal(start, end, value, slope, new double[start.length], initial);
  }

  int pieces() {
    return start.length;
  }

  long horizon() {
    return end[end.length - 1];
  }

  private int pieceAt(double t) {
    int i = Arrays.binarySearch(start, (long) Math.floor(t));
    if (i < 0) {
      i = -i - 2;
    }
    return Math.max(0, Math.min(start.length - 1, i));
  }

  /** The value at {@code t} (the right limit; the initial level before 0). */
  double at(double t) {
    if (t < 0) {
      return initial;
    }
    int i = pieceAt(t);
    double tau = t - start[i];
    return value[i] + slope[i] * tau + curve[i] * tau * tau;
  }

  /** Piece {@code i}'s closed form at {@code t} (its end included). */
  double valueIn(int i, double t) {
    double tau = t - start[i];
    return value[i] + slope[i] * tau + curve[i] * tau * tau;
  }

  /**
   * ∫ over [x, y] of the signal (0 <= x <= y <= horizon) by Simpson's rule on the stretches between
   * piece boundaries: exact for quadratics, so only rounding differs from the integral.
   */
  double simpson(double x, double y) {
    double sum = 0;
    for (int i = pieceAt(x); i < start.length && start[i] < y; i++) {
      double a = Math.max(x, start[i]);
      double b = Math.min(y, end[i]);
      if (b > a) {
        sum += (b - a) / 6 * (valueIn(i, a) + 4 * valueIn(i, 0.5 * (a + b)) + valueIn(i, b));
      }
    }
    return sum;
  }

  private double partIntegral(int i, double tau) {
    return tau * (value[i] + tau * (slope[i] / 2 + tau * curve[i] / 3));
  }

  /** ∫ from 0 to t of the signal (negative before 0), exactly but for rounding. */
  double integral(double t) {
    if (t < 0) {
      return initial * t;
    }
    int i = pieceAt(t);
    return integralAtStart[i] + partIntegral(i, t - start[i]);
  }

  /** Largest minus smallest value the signal takes, the initial level included (a bound). */
  double range() {
    double hi = initial;
    double lo = initial;
    for (int i = 0; i < start.length; i++) {
      double l = end[i] - start[i];
      double e = value[i] + (slope[i] + curve[i] * l) * l;
      hi = Math.max(hi, Math.max(value[i], e));
      lo = Math.min(lo, Math.min(value[i], e));
      double v = -slope[i] / (2 * curve[i]);
      if (v > 0 && v < l) {
        double top = value[i] + (slope[i] + curve[i] * v) * v;
        hi = Math.max(hi, top);
        lo = Math.min(lo, top);
      }
    }
    return hi - lo;
  }

  /** The largest |slope| anywhere (W/ns): at a piece's ends, since the slope is linear in it. */
  double steepest() {
    double s = 0;
    for (int i = 0; i < start.length; i++) {
      double l = end[i] - start[i];
      s = Math.max(s, Math.max(Math.abs(slope[i]), Math.abs(slope[i] + 2 * curve[i] * l)));
    }
    return s;
  }

  /** Largest |value| (W), a scale for rounding. */
  double largest() {
    double hi = Math.abs(initial);
    for (int i = 0; i < start.length; i++) {
      double l = end[i] - start[i];
      hi = Math.max(hi, Math.abs(value[i]));
      hi = Math.max(hi, Math.abs(value[i] + (slope[i] + curve[i] * l) * l));
    }
    return hi + range();
  }
}
