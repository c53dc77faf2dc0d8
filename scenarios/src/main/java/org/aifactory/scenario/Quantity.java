package org.aifactory.scenario;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number with the unit text written after it, e.g. {@code 5.5 s}, {@code 250ms}, {@code 70 %}.
 * The unit is not interpreted here (see {@link Values}).
 *
 * @param number the number, exact while it is within the range of a 64-bit floating-point number
 *     (see {@link #fitsDouble()})
 * @param unitText what follows the number, without surrounding blanks; empty for a bare number
 */
record Quantity(BigDecimal number, String unitText) {

  /*
   * A number whose decimal exponent is beyond these is far outside a double's range (about 1e-324
   * to 1.8e308) and is kept as ±1e±400 instead: every reader rejects it as out of range, and
   * arithmetic on it stays cheap whatever exponent was written (1e999999999 would otherwise make
   * BigDecimal build 10^999999999).
   */
  private static final long LARGEST_EXPONENT = 310;
  private static final long SMALLEST_EXPONENT = -330;
  private static final BigDecimal TOO_LARGE = new BigDecimal("1e400");
  private static final BigDecimal TOO_SMALL = new BigDecimal("1e-400");

  /** Whitespace as Java's regular expressions see it ({@code \s}), between number and unit. */
  private static final String BLANKS = " \t\n\u000B\f\r";

  /** YAML's and Java's spellings of infinity and not-a-number, with or without a unit. */
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?\\.?(?:inf|infinity|nan)(?:\\s+\\S+|%)?", Pattern.CASE_INSENSITIVE);

  /** The quantity written in {@code text}; empty if it does not start with a decimal number. */
  static Optional<Quantity> parse(String text) {
    String written = text.strip();
    int end = NumberText.decimalEnd(written);
    if (end < 0) {
      return Optional.empty();
    }
    int unit = end;
    while (unit < written.length() && BLANKS.indexOf(written.charAt(unit)) >= 0) {
      unit++;
    }
    return Optional.of(new Quantity(decimal(written.substring(0, end)), written.substring(unit)));
  }

  /**
   * Whether the number survives conversion to a 64-bit floating-point number: it is 0, or it
   * neither overflows to infinity nor underflows to 0.
   */
  boolean fitsDouble() {
    double value = number.doubleValue();
    return Double.isFinite(value) && (value != 0 || number.signum() == 0);
  }

  /** Whether {@code text} spells infinity or NaN ({@code .inf}, {@code -Infinity}, {@code NaN}). */
  static boolean isNonFinite(String text) {
    return NON_FINITE.matcher(text.strip()).matches();
  }

  /** The value of a number as {@link NumberText#decimalEnd} delimits it. */
  private static BigDecimal decimal(String written) {
    String digits = written.replace("_", "");
    int e = Math.max(digits.indexOf('e'), digits.indexOf('E'));
    BigDecimal mantissa = new BigDecimal(e < 0 ? digits : digits.substring(0, e));
    if (mantissa.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long exponent = e < 0 ? 0 : exponent(digits.substring(e + 1));
    long adjusted = (long) mantissa.precision() - mantissa.scale() - 1 + exponent;
    if (adjusted > LARGEST_EXPONENT) {
      return mantissa.signum() > 0 ? TOO_LARGE : TOO_LARGE.negate();
    }
    if (adjusted < SMALLEST_EXPONENT) {
      return mantissa.signum() > 0 ? TOO_SMALL : TOO_SMALL.negate();
    }
    return mantissa.scaleByPowerOfTen((int) exponent);
  }

  /** {@code [+-]?\d+}, saturating far beyond any exponent that could matter. */
  private static long exponent(String text) {
    boolean negative = text.startsWith("-");
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    long value = 0;
    for (int i = start; i < text.length(); i++) {
      value = Math.min(value * 10 + (text.charAt(i) - '0'), Integer.MAX_VALUE);
    }
    return negative ? -value : value;
  }
}
