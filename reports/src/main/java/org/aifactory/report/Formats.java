package org.aifactory.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricStats;
import org.aifactory.model.PulseResolution;

/**
 * Machine-readable number formatting shared by the JSON and CSV files, one rule for all of them:
 *
 * <ul>
 *   <li>a count (tokens, GPUs, events, interruptions) is an exact integer; a mean of counts over
 *       replications that is not whole is a quantity like any other;
 *   <li>every other quantity (energies, powers, hours, ratios, money, means) has {@value
 *       #SIGNIFICANT_DIGITS} significant digits, which is more than the model knows: inputs such as
 *       TDP, PUE or failure rates have two or three. A value between 0.9 and 1 (an availability, an
 *       ETTR) keeps {@value #SIGNIFICANT_DIGITS} significant digits of its distance to 1, at most
 *       {@value #MAX_DECIMALS} decimals, so that 0.99999049 does not become 0.99999;
 *   <li>a standard deviation or confidence half-width has the same digits, but none finer than its
 *       mean's last digit (a half-width of 1.3e-9 on a mean of 8.24724e6 is 0);
 *   <li>clock times in seconds (bucket bounds, window steps) are exact: the clock counts whole
 *       nanoseconds.
 * </ul>
 *
 * <p>Numbers are plain decimals without exponent or trailing zeros ({@code 2.2974}, {@code 1800},
 * {@code 87702896640}); NaN and infinities are {@code null} (an empty CSV field). Rounding is done
 * in decimal on the exact binary value, so the same result always gives the same bytes, whatever
 * the locale or JDK.
 */
final class Formats {
  /** Significant digits of every quantity that is not a count. */
  static final int SIGNIFICANT_DIGITS = 6;

  /** Decimals of a value close to 1 at most: below that, doubles hold rounding noise. */
  static final int MAX_DECIMALS = 12;

  private static final MathContext DIGITS =
      new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

  private Formats() {}

  /** {@code value} rounded by the rule; {@code null} for NaN and infinities. */
  static String number(double value) {
    BigDecimal d = round(value);
    return d == null ? null : plain(d);
  }

  /**
   * A standard deviation or confidence half-width of {@code mean}: rounded like {@link #number},
   * and not finer than the mean's last digit.
   */
  static String spread(double value, double mean) {
    BigDecimal d = round(value);
    BigDecimal m = round(mean);
    if (d == null) {
      return null;
    }
    if (m != null && m.signum() != 0 && m.scale() < d.scale()) {
      d = new BigDecimal(value).setScale(m.scale(), RoundingMode.HALF_EVEN);
    }
    return plain(d);
  }

  /** {@link #spread} as a number: NaN when not finite. */
  static double spreadValue(double value, double mean) {
    String s = spread(value, mean);
    return s == null ? Double.NaN : Double.parseDouble(s);
  }

  /** A whole count, rounded; {@code null} for NaN and infinities. */
  static String count(double value) {
    return Double.isFinite(value) ? Long.toString(Math.round(value)) : null;
  }

  /** A metric's value: an integer for counts, else {@link #number}. */
  static String metric(Metric metric) {
    return metric(metric, metric.value());
  }

  /** {@code value} formatted like a value of {@code like} (an integer if it is a count). */
  static String metric(Metric like, double value) {
    return like.isCount() ? count(value) : number(value);
  }

  /**
   * The mean of {@code s}: for a count, an exact integer when it is one value (a single run) or
   * whole (replications that agree); else {@link #number}.
   */
  static String mean(MetricStats s) {
    double mean = s.mean();
    return s.isCount() && (s.n() <= 1 || mean == Math.rint(mean)) ? count(mean) : number(mean);
  }

  /** Nanoseconds as hours, rounded by the rule; {@code null} for a negative duration. */
  static String hours(long nanos) {
    return nanos < 0 ? null : number(nanos / 3.6e12);
  }

  /**
   * Nanoseconds as exact seconds without exponent or trailing zeros: {@code 43200}, {@code 0.5}.
   */
  static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
  }

  /** Watts as megawatts; {@code null} if not finite. */
  static String megawatts(double watts) {
    return number(watts / 1e6);
  }

  /** {@code full} or {@code averaged}, as in scenario files. */
  static String resolution(PulseResolution resolution) {
    return resolution.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The rounded value with the scale of its last kept digit; null if not finite. */
  private static BigDecimal round(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    BigDecimal exact = new BigDecimal(value);
    double a = Math.abs(value);
    if (a >= 0.9 && a < 1) {
      BigDecimal one = value > 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
      BigDecimal nearOne = one.subtract(withAllDigits(one.subtract(exact).round(DIGITS)));
      return nearOne.scale() > MAX_DECIMALS
          ? nearOne.setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN)
          : nearOne;
    }
    return withAllDigits(exact.round(DIGITS));
  }

  /** {@code d} with the scale of its last significant digit: 39 becomes 39.0000. */
  private static BigDecimal withAllDigits(BigDecimal d) {
    int scale = SIGNIFICANT_DIGITS - d.precision() + d.scale();
    return d.signum() == 0 || scale <= d.scale() ? d : d.setScale(scale);
  }

  /** Without exponent or trailing zeros; never "-0". */
  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
