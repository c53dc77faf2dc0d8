package org.aifactory.report;

/**
 * A unit for token counts in tables: millions, billions or trillions, chosen from the largest
 * amount shown (billions from 100 billion, trillions from 100 trillion), so that a column's figures
 * have at most four digits before the point.
 *
 * @param divisor tokens per unit
 * @param symbol the unit in a terminal heading: {@code M}, {@code bn}, {@code T}
 * @param name the unit in words, for index.html: {@code millions}...
 */
record TokenUnit(double divisor, String symbol, String name) {
  static final TokenUnit MILLIONS = new TokenUnit(1e6, "M", "millions");
  static final TokenUnit BILLIONS = new TokenUnit(1e9, "bn", "billions");
  static final TokenUnit TRILLIONS = new TokenUnit(1e12, "T", "trillions");

  /** The unit for amounts whose largest absolute finite value is {@code most}. */
  static TokenUnit of(double... amounts) {
    double most = 0;
    for (double a : amounts) {
      if (Double.isFinite(a)) {
        most = Math.max(most, Math.abs(a));
      }
    }
    if (most >= 1e14) {
      return TRILLIONS;
    }
    return most >= 1e11 ? BILLIONS : MILLIONS;
  }

  /** Multiplies a token count into this unit. */
  double scale() {
    return 1 / divisor;
  }
}
