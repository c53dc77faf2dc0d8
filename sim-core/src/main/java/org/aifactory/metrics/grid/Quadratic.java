package org.aifactory.metrics.grid;

/** Roots of small polynomials, for crossing times of closed-form signals. */
public final class Quadratic {
  private Quadratic() {}

  /**
   * The roots of {@code a·x² + b·x + c = 0} strictly inside (0, limit), in increasing order,
   * written to {@code out}; returns how many (0 to 2). A vanishing {@code a} is a line.
   */
  public static int rootsInside(double a, double b, double c, double limit, double[] out) {
    int n = 0;
    // A tiny a is harmless: the stable form gives the line's root as c/q and a far one as q/a.
    if (a == 0) {
      if (b != 0) {
        double x = -c / b;
        if (x > 0 && x < limit) {
          out[n++] = x;
        }
      }
      return n;
    }
    double disc = b * b - 4 * a * c;
    if (disc < 0) {
      return 0;
    }
    double sq = Math.sqrt(disc);
    // Numerically stable: q = -(b + sign(b)·√disc)/2, roots q/a and c/q.
    double q = -0.5 * (b + Math.copySign(sq, b));
    double x1 = q / a;
    double x2 = q != 0 ? c / q : x1;
    double lo = Math.min(x1, x2);
    double hi = Math.max(x1, x2);
    if (lo > 0 && lo < limit) {
      out[n++] = lo;
    }
    if (hi > 0 && hi < limit && hi != lo) {
      out[n++] = hi;
    }
    return n;
  }

  /** The smallest root of {@code a·x² + b·x + c = 0} in (0, limit); NaN if none. */
  public static double firstRoot(double a, double b, double c, double limit) {
    if (a == 0) {
      if (b == 0) {
        return Double.NaN;
      }
      double x = -c / b;
      return x > 0 && x < limit ? x : Double.NaN;
    }
    double disc = b * b - 4 * a * c;
    if (disc < 0) {
      return Double.NaN;
    }
    double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
    double x1 = q / a;
    double x2 = q != 0 ? c / q : x1;
    double lo = Math.min(x1, x2);
    double hi = Math.max(x1, x2);
    if (lo > 0 && lo < limit) {
      return lo;
    }
    return hi > 0 && hi < limit ? hi : Double.NaN;
  }

  /** The first time {@code a·x² + b·x + c} reaches 0 after 0; infinite if it never does. */
  public static double firstCrossing(double a, double b, double c) {
    double root = firstRoot(a, b, c, Double.POSITIVE_INFINITY);
    return Double.isNaN(root) ? Double.POSITIVE_INFINITY : root;
  }

  /** {@code value + slope·τ + curve·τ²}. */
  public static double at(double value, double slope, double curve, double tau) {
    return value + (slope + curve * tau) * tau;
  }

  /** The τ of the vertex of {@code value + slope·τ + curve·τ²}; NaN without curve. */
  public static double vertex(double slope, double curve) {
    return curve != 0 ? -slope / (2 * curve) : Double.NaN;
  }

  /**
   * ∫ over [u, w] of {@code value + slope·τ + curve·τ²}: (w − u)·(value + slope·(u + w)/2 +
   * curve·(u² + uw + w²)/3).
   */
  public static double integral(double value, double slope, double curve, double u, double w) {
    return (w - u) * (value + slope * 0.5 * (u + w) + curve * (u * u + u * w + w * w) / 3);
  }

  /** The highest value of {@code value + slope·τ + curve·τ²} over [0, length]. */
  public static double highest(double value, double slope, double curve, double length) {
    double top = Math.max(value, at(value, slope, curve, length));
    double v = vertex(slope, curve);
    return curve < 0 && v > 0 && v < length ? Math.max(top, at(value, slope, curve, v)) : top;
  }

  /** The lowest value of {@code value + slope·τ + curve·τ²} over [0, length]. */
  public static double lowest(double value, double slope, double curve, double length) {
    return -highest(-value, -slope, -curve, length);
  }
}
