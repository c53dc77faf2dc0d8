package org.aifactory.metrics.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * The grid's verdict on one rule over a run: the worst value of the grid import's figure, when it
 * happened, the limit and the margin to it, and how often and how long the rule was broken.
 *
 * @param name the rule's name ({@code interconnect}, {@code ramp_1min})
 * @param kind what is checked: {@code import_capacity}, {@code ramp}, {@code dynamic_range}, {@code
 *     oscillation}, {@code minimum_load}
 * @param upper true for a maximum (the worst is the highest), false for a minimum
 * @param limit the limit, in W (W/s for a ramp)
 * @param worst the worst value in the same unit; NaN if the rule never applied (no job ran)
 * @param worstAtNanos when it happened: the end of a ramp's or a range's window, the start of an
 *     oscillation's window
 * @param violations intervals during which the rule was broken (windows, for an oscillation)
 * @param violationNanos their total length
 * @param basis how it was checked, in words ("sliding 1 s windows", "54 windows of 60 s")
 * @param violationStartsNanos when the first violations started (at most 200), for charts
 */
public record RuleVerdict(
    String name,
    String kind,
    boolean upper,
    double limit,
    double worst,
    double worstAtNanos,
    long violations,
    double violationNanos,
    String basis,
    double[] violationStartsNanos) {

  public RuleVerdict {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(basis, "basis");
    violationStartsNanos = violationStartsNanos.clone();
    if (violations == 0 && (upper ? worst > limit : worst < limit)) {
      violations = 1; // broken at an instant only (a window's closed end): still broken
    }
  }

  /** Whether the rule held all along (a rule that never applied holds). */
  public boolean pass() {
    return Double.isNaN(worst) || (upper ? worst <= limit : worst >= limit);
  }

  /** Headroom to the limit: positive when the rule holds, negative by how much it is broken. */
  public double margin() {
    return upper ? limit - worst : worst - limit;
  }

  /** Whether the figure is a ramp (W/s) rather than a power (W). */
  public boolean isRamp() {
    return kind.equals("ramp");
  }

  @Override
  public double[] violationStartsNanos() {
    return violationStartsNanos.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleVerdict v
        && name.equals(v.name)
        && kind.equals(v.kind)
        && upper == v.upper
        && Double.compare(limit, v.limit) == 0
        && Double.compare(worst, v.worst) == 0
        && Double.compare(worstAtNanos, v.worstAtNanos) == 0
        && violations == v.violations
        && Double.compare(violationNanos, v.violationNanos) == 0
        && basis.equals(v.basis)
        && Arrays.equals(violationStartsNanos, v.violationStartsNanos);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, worst, violations);
  }

  @Override
  public String toString() {
    return "RuleVerdict[" + name + ", worst " + worst + ", limit " + limit + "]";
  }
}
