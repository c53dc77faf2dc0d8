package org.aifactory.report;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import org.aifactory.metrics.Metric;
import org.aifactory.model.PulseResolution;

/**
 * Machine-readable number formatting shared by the JSON and CSV files: independent of the default
 * locale and of the JDK version, so the same result always gives the same bytes.
 */
final class Formats {
  private Formats() {}

  /**
   * The shortest decimal that reads back as {@code value} (e.g. {@code 12.5}, {@code 1.0E-5}), or
   * {@code null} for NaN and infinities. Uses Jackson's Schubfach writer rather than {@link
   * Double#toString}, whose output changed between JDK 17 and 19.
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    return NumberOutput.toString(value == 0 ? 0.0 : value, true); // no "-0.0"
  }

  /** A whole count, rounded; {@code null} for NaN and infinities. */
  static String count(double value) {
    return Double.isFinite(value) ? Long.toString(Math.round(value)) : null;
  }

  /** A metric's value: an integer for counts, else a double; {@code null} if not finite. */
  static String metric(Metric metric) {
    return metric(metric, metric.value());
  }

  /** {@code value} formatted like a value of {@code like} (an integer if it is a count). */
  static String metric(Metric like, double value) {
    return like.isCount() ? count(value) : number(value);
  }

  /** Nanoseconds as hours, {@link #number shortest}; {@code null} for a negative duration. */
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
}
