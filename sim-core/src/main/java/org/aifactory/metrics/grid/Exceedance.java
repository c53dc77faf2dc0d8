package org.aifactory.metrics.grid;

/**
 * Counts the intervals during which a rule is broken and adds up their length, as a checked signal
 * is swept forward in time: each stretch handed over is broken or not all along; consecutive broken
 * stretches are one violation.
 */
final class Exceedance {
  /** Violations whose start is kept, for charts. */
  static final int KEPT = 200;

  private boolean broken;
  private long violations;
  private double nanos;
  private final double[] starts = new double[KEPT];

  /** A stretch from {@code startNanos} of {@code lengthNanos} (>= 0), broken or not. */
  void stretch(double startNanos, double lengthNanos, boolean isBroken) {
    if (isBroken) {
      if (!broken) {
        begin(startNanos);
      }
      nanos += lengthNanos;
    }
    broken = isBroken;
  }

  /**
   * An instant at which the rule is broken: a violation of no length of its own, or the start of
   * the one that follows, or part of the one before.
   */
  void point(double atNanos) {
    if (!broken) {
      begin(atNanos);
    }
    broken = true;
  }

  private void begin(double atNanos) {
    if (violations < KEPT) {
      starts[(int) violations] = atNanos;
    }
    violations++;
  }

  /** When the first violations (at most {@link #KEPT}) started (ns). */
  double[] starts() {
    return java.util.Arrays.copyOf(starts, (int) Math.min(violations, KEPT));
  }

  long violations() {
    return violations;
  }

  double nanos() {
    return nanos;
  }
}
