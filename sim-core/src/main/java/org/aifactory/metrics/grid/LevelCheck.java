package org.aifactory.metrics.grid;

/**
 * A bound on a piecewise-quadratic signal's value: at most {@code limit} (an import capacity) or at
 * least it (a minimum load). Pieces are checked as they come, exactly: the extreme is at a piece's
 * ends or, for a curved piece, at its vertex; the time beyond the bound runs between the crossings
 * of the bound, the roots of a line or a quadratic. A minimum is checked only while it applies
 * ({@link #setActive}).
 */
public final class LevelCheck {
  private final boolean upper;
  private final double limit;
  private final Exceedance exceedance = new Exceedance();
  private final double[] roots = new double[2];
  private boolean active = true;
  private double worst = Double.NaN;
  private double worstAt = Double.NaN;

  /**
   * @param upper true for a maximum, false for a minimum
   * @param limitWatts the bound
   */
  public LevelCheck(boolean upper, double limitWatts) {
    this.upper = upper;
    this.limit = limitWatts;
  }

  /** Whether the bound applies from now on (a minimum load applies while some job runs). */
  public void setActive(boolean isActive) {
    if (!isActive) {
      exceedance.stretch(0, 0, false); // a violation does not go on across a pause
    }
    this.active = isActive;
  }

  /** The signal over [from, to): {@code watts} at {@code from}, then {@code slope} W per ns. */
  public void piece(long from, long to, double watts, double slope) {
    piece(from, to, watts, slope, 0);
  }

  /**
   * The signal over [from, to): at {@code from + τ} (τ in ns) it is {@code watts + slope·τ +
   * curve·τ²}. A piece without curve is a line, checked as one.
   */
  public void piece(long from, long to, double watts, double slope, double curve) {
    if (!active) {
      return;
    }
    if (curve != 0) {
      curved(from, to - from, watts, slope, curve);
      return;
    }
    double length = to - from;
    double end = watts + slope * length;
    consider(watts, from);
    consider(end, to);
    boolean startOver = beyond(watts);
    boolean endOver = beyond(end);
    if (startOver == endOver || slope == 0) {
      exceedance.stretch(from, length, startOver);
      return;
    }
    double cross = (limit - watts) / slope;
    exceedance.stretch(from, cross, startOver);
    exceedance.stretch(from + cross, length - cross, endOver);
  }

  /**
   * A curved piece: the extreme at its ends and its vertex, the bound crossed at the roots of
   * curve·τ² + slope·τ + (watts − limit), each stretch between them beyond or not all along.
   */
  private void curved(long from, long length, double watts, double slope, double curve) {
    double span = length;
    consider(watts, from);
    double vertex = -slope / (2 * curve);
    if (vertex > 0 && vertex < span) {
      consider(watts + (slope + curve * vertex) * vertex, from + vertex);
    }
    consider(watts + (slope + curve * span) * span, from + length);
    int n = Quadratic.rootsInside(curve, slope, watts - limit, span, roots);
    double at = 0;
    for (int i = 0; i <= n; i++) {
      double next = i < n ? roots[i] : span;
      if (next > at) {
        double mid = 0.5 * (at + next);
        exceedance.stretch(from + at, next - at, beyond(watts + (slope + curve * mid) * mid));
      }
      at = next;
    }
  }

  private boolean beyond(double watts) {
    return upper ? watts > limit : watts < limit;
  }

  private void consider(double watts, double at) {
    if (Double.isNaN(worst) || (upper ? watts > worst : watts < worst)) {
      worst = watts;
      worstAt = at;
    }
  }

  /** The highest (or lowest) value while the bound applied; NaN if it never did. */
  public double worstWatts() {
    return worst;
  }

  public double worstAtNanos() {
    return worstAt;
  }

  public long violations() {
    return exceedance.violations();
  }

  public double violationNanos() {
    return exceedance.nanos();
  }

  /** When the first violations started (ns). */
  public double[] violationStarts() {
    return exceedance.starts();
  }

  public boolean upper() {
    return upper;
  }
}
