package org.aifactory.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as the spec's problems write them: three significant digits, plain between 0.001 and a
 * billion, else in e-notation (a hostile 1e-308 W stays short), and powers with an SI prefix.
 */
public final class ProblemNumbers {
  private ProblemNumbers() {}

  private static final String[] WATT_UNITS = {"W", "kW", "MW", "GW", "TW"};

  /** {@code 333 kW}, {@code 1.2 MW}, {@code 1e-308 W}, {@code 1.8e308 TW}. */
  public static String watts(double w) {
    if (!Double.isFinite(w)) {
      return "more than 1.8e308 W";
    }
    int k = 0;
    while (k < WATT_UNITS.length - 1 && Math.abs(w) >= 1000 * Math.pow(1000, k)) {
      k++;
    }
    return significant(w / Math.pow(1000, k)) + " " + WATT_UNITS[k];
  }

  /** 12,000 or 1.12e307. */
  public static String count(double n) {
    return n < 1e9 ? String.format(Locale.ROOT, "%,d", (long) n) : significant(n);
  }

  /** Three significant digits: 11.2, 500, 1e-300, 1.12e307; 0 as {@code 0}. */
  public static String significant(double x) {
    if (x == 0) {
      return "0";
    }
    if (!Double.isFinite(x)) {
      return "more than 1.8e308";
    }
    BigDecimal rounded =
        new BigDecimal(x).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    double a = Math.abs(x);
    if (a >= 1e-3 && a < 1e9) {
      return rounded.toPlainString();
    }
    return rounded.toString().replace("E+", "e").replace("E", "e");
  }
}
