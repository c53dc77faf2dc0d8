package org.aifactory.metrics.grid;

/**
 * Roots of cubics, for the crossing times of piecewise-quadratic signals' integrals (a battery's
 * energy under a quadratic power, a ramp over windows of a quadratic signal). The cubic is split at
 * its turning points (the roots of its derivative, a quadratic) into stretches on which it is
 * monotonic; a stretch whose ends have opposite signs holds exactly one root, found by bisection to
 * the last bit of a double. This is root finding on a closed form, not stepping in time: the answer
 * is the crossing to within the precision of its arithmetic.
 */
public final class Cubic {
  private Cubic() {}

  /**
   * The roots of {@code a·x³ + b·x² + c·x + d = 0} strictly inside (0, limit), in increasing order,
   * written to {@code out} (room for 3); returns how many. A vanishing {@code a} is a quadratic. A
   * root where the cubic only touches 0 (a double root) is found only if the cubic is exactly 0 at
   * its turning point.
   */
  public static int rootsInside(
      double a, double b, double c, double d, double limit, double[] out) {
    if (a == 0) {
      return Quadratic.rootsInside(b, c, d, limit, out);
    }
    double[] turns = new double[2];
    int t = Quadratic.rootsInside(3 * a, 2 * b, c, limit, turns);
    int n = 0;
    double lo = 0;
    double fLo = d;
    for (int i = 0; i <= t; i++) {
      double hi = i < t ? turns[i] : limit;
      double fHi = value(a, b, c, d, hi);
      if (hi > lo) {
        if (fLo == 0 && lo > 0 && (n == 0 || out[n - 1] != lo)) {
          out[n++] = lo; // exactly 0 at a turning point
        } else if (fLo != 0 && fHi != 0 && (fLo < 0) != (fHi < 0)) {
          out[n++] = bisect(a, b, c, d, lo, hi, fLo < 0);
        }
      }
      lo = hi;
      fLo = fHi;
    }
    return n;
  }

  /** The smallest root of the cubic in (0, limit); NaN if none. Allocates nothing. */
  public static double firstRoot(double a, double b, double c, double d, double limit) {
    if (a == 0) {
      return Quadratic.firstRoot(b, c, d, limit);
    }
    // The turning points, roots of 3a·x² + 2b·x + c, in order.
    double t1 = Double.NaN;
    double t2 = Double.NaN;
    double qa = 3 * a;
    double qb = 2 * b;
    double disc = qb * qb - 4 * qa * c;
    if (disc > 0) {
      double q = -0.5 * (qb + Math.copySign(Math.sqrt(disc), qb));
      double x1 = q / qa;
      double x2 = q != 0 ? c / q : x1;
      t1 = Math.min(x1, x2);
      t2 = Math.max(x1, x2);
    }
    double lo = 0;
    double fLo = d;
    for (int i = 0; i < 3; i++) {
      double turn = i == 0 ? t1 : i == 1 ? t2 : limit;
      if (!(turn > lo) || turn > limit) {
        continue; // not a turning point inside (lo, limit)
      }
      double fHi = value(a, b, c, d, turn);
      if (fLo == 0 && lo > 0) {
        return lo; // exactly 0 at a turning point
      }
      if (fLo != 0 && fHi != 0 && (fLo < 0) != (fHi < 0)) {
        return bisect(a, b, c, d, lo, turn, fLo < 0);
      }
      lo = turn;
      fLo = fHi;
    }
    return Double.NaN;
  }

  /** a·x³ + b·x² + c·x + d, by Horner's rule. */
  public static double value(double a, double b, double c, double d, double x) {
    return ((a * x + b) * x + c) * x + d;
  }

  /** The one root in (lo, hi) of a cubic monotonic there, rising if {@code rising}. */
  private static double bisect(
      double a, double b, double c, double d, double lo, double hi, boolean rising) {
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        return hi; // adjacent doubles: the root is between; the later one is past it
      }
      double f = value(a, b, c, d, mid);
      if (f == 0) {
        return mid;
      }
      if ((f < 0) == rising) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }
}
