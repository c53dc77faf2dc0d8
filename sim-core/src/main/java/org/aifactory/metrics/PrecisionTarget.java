package org.aifactory.metrics;

/**
 * How precisely a comparison must know the lead of its cheapest variant over the runner-up (the
 * paired difference of their annual costs) before it stops adding replications: a 95 % confidence
 * half-width of at most {@code value} dollars per year, or of at most {@code value} times the lead
 * itself.
 *
 * <p>An absolute target can end in a tie (the interval holds 0 and is narrower than the target: the
 * two cost the same within it); a relative one below 1 only ends when the interval excludes 0 (the
 * lead is known to {@code value} of itself), or at the limit of replications.
 *
 * @param kind what {@code value} is
 * @param value dollars per year ({@link Kind#ABSOLUTE_DOLLARS}), or a fraction of the lead between
 *     0 and 1 ({@link Kind#RELATIVE})
 */
public record PrecisionTarget(Kind kind, double value) {
  /** What the target's value is. */
  public enum Kind {
    /** A half-width in dollars per year. */
    ABSOLUTE_DOLLARS,
    /** A half-width as a fraction of the lead's mean. */
    RELATIVE
  }

  public PrecisionTarget {
    if (!(value > 0) || !Double.isFinite(value) || kind == Kind.RELATIVE && !(value < 1)) {
      throw new IllegalArgumentException(
          kind == Kind.RELATIVE
              ? "a relative target must be above 0 % and below 100 %, got " + value
              : "a target must be a positive amount, got " + value);
    }
  }

  /** The half-width wanted for a lead of {@code leadDollars}. */
  public double halfWidthWanted(double leadDollars) {
    return kind == Kind.RELATIVE ? value * Math.abs(leadDollars) : value;
  }

  /**
   * True when {@code lead}'s 95 % half-width is at most the target (never with one replication).
   */
  public boolean metBy(MetricStats lead) {
    return lead.n() >= 2
        && Double.isFinite(lead.ci95())
        && lead.ci95() <= halfWidthWanted(lead.mean());
  }
}
