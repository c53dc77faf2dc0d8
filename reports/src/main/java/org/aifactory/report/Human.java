package org.aifactory.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for people: thousands separators, a sensible number of decimals, Locale.ROOT
 * (so {@code 1,234.5} whatever the machine's locale).
 */
final class Human {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
  private static final int MAX_DECIMALS = 6;

  private Human() {}

  /** A whole number with thousands separators: {@code 16,384}. */
  static String count(long value) {
    DecimalFormat f = new DecimalFormat("#,##0", SYMBOLS);
    return f.format(value);
  }

  /** A whole number, rounded; {@code n/a} if not finite. */
  static String count(double value) {
    return Double.isFinite(value) ? count(Math.round(value)) : "n/a";
  }

  /** {@code value} with {@code decimals} decimals and thousands separators; {@code n/a} if NaN. */
  static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return format(value == 0 ? 0.0 : value, decimals);
  }

  /**
   * Decimals that show about four significant digits of the largest of {@code values} (at least
   * one): 1,234.5 / 123.4 / 12.34 / 1.234 / 0.1234. Format a group of related figures with the same
   * count so that they line up.
   */
  static int decimalsFor(double... values) {
    double max = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    if (max == 0) {
      return 1;
    }
    int magnitude = (int) Math.floor(Math.log10(max));
    return Math.max(1, Math.min(MAX_DECIMALS, 3 - magnitude));
  }

  /**
   * At least {@code base} decimals, and enough to show two significant digits of each of the
   * confidence half-widths {@code halfWidths} (non-finite ones are ignored): 0.012 → 3.
   */
  static int decimalsForHalfWidths(int base, double... halfWidths) {
    int d = base;
    for (double ci : halfWidths) {
      double a = Math.abs(ci);
      if (Double.isFinite(a) && a > 0) {
        d = Math.max(d, Math.min(MAX_DECIMALS, 1 - (int) Math.floor(Math.log10(a))));
      }
    }
    return d;
  }

  /**
   * {@code value} rounded to the second significant digit of {@code halfWidth} when that is 10 or
   * more (2,471,111,088,869 ± 16,566,870,886 → 2,471,000,000,000): digits below are noise.
   */
  static double roundToHalfWidth(double value, double halfWidth) {
    double a = Math.abs(halfWidth);
    if (!Double.isFinite(a) || a < 10 || !Double.isFinite(value)) {
      return value;
    }
    double step = Math.pow(10, Math.floor(Math.log10(a)) - 1);
    return Math.rint(value / step) * step;
  }

  /** A number without a needless fraction: {@code 300}, {@code 2.5}, {@code n/a}. */
  static String plain(double value) {
    if (Double.isFinite(value) && value == Math.rint(value)) {
      return fixed(value, 0);
    }
    return Double.isFinite(value) ? trim(fixed(value, decimalsFor(value))) : "n/a";
  }

  /**
   * {@code value} to three significant digits, without trailing zeros, with thousands separators:
   * {@code 0.833}, {@code 2.5}, {@code 12.9}, {@code 2,000}, {@code 40,800}; {@code n/a} if not
   * finite. For figures known no finer, such as a break-even or a target.
   */
  static String threeDigits(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    if (value == 0) {
      return "0";
    }
    java.math.BigDecimal d =
        new java.math.BigDecimal(value)
            .round(new java.math.MathContext(3, java.math.RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    return fixed(d.doubleValue(), Math.max(0, d.scale()));
  }

  /** A ratio as a percentage with one decimal: {@code 87.3 %}. */
  static String percent(double ratio) {
    return fixed(ratio * 100, 1) + " %";
  }

  /** A duration for labels: {@code 45 s}, {@code 2 min}, {@code 1.5 h}, {@code 3.2 days}. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "n/a";
    }
    if (seconds < 120) {
      return trim(fixed(seconds, seconds < 10 ? 2 : 1)) + " s";
    }
    if (seconds < 2 * 3600) {
      return trim(fixed(seconds / 60, 1)) + " min";
    }
    if (seconds < 2 * 86400) {
      return trim(fixed(seconds / 3600, 2)) + " h";
    }
    return trim(fixed(seconds / 86400, 1)) + " days";
  }

  /**
   * {@code text} broken at spaces into lines of at most {@code width} characters (a longer word
   * stays whole), each starting with {@code indent} and ending in a newline.
   */
  static String wrap(String text, String indent, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return out.append(line).append('\n').toString();
  }

  /** Drops trailing zeros after the decimal point: {@code 2.50} → {@code 2.5}, {@code 2.0} → 2. */
  private static String trim(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String format(double value, int decimals) {
    String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    return new DecimalFormat(pattern, SYMBOLS).format(value);
  }
}
