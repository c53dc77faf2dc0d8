package org.aifactory.metrics;

/**
 * A closed range of values {@code [from, to]}; either end may be infinite (a range without an upper
 * end is {@code [from, +∞)}).
 *
 * @param from lowest value in the range
 * @param to highest value in the range, at least {@code from}
 */
public record ValueRange(double from, double to) {
  public ValueRange {
    if (Double.isNaN(from) || Double.isNaN(to) || from > to) {
      throw new IllegalArgumentException("not a range: [" + from + ", " + to + "]");
    }
  }

  public boolean contains(double value) {
    return value >= from && value <= to;
  }

  /** True when the range ends: {@code to} is finite. */
  public boolean hasEnd() {
    return Double.isFinite(to);
  }
}
