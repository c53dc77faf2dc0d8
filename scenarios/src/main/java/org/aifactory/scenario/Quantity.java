package org.aifactory.scenario;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with the unit text written after it, e.g. {@code 5.5 s}, {@code 250ms}, {@code 70 %}.
 * The unit is not interpreted here (see {@link Values}).
 *
 * @param number the number, exact
 * @param unitText what follows the number, without surrounding blanks; empty for a bare number
 */
record Quantity(BigDecimal number, String unitText) {

  /** A decimal number; '_' may separate digits, as in YAML: 16_777_216. */
  private static final String NUMBER =
      "[+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d+)?";

  private static final Pattern FORM = Pattern.compile("(" + NUMBER + ")\\s*(.*)", Pattern.DOTALL);

  /** YAML's and Java's spellings of infinity and not-a-number, with or without a unit. */
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?\\.?(?:inf|infinity|nan)(?:\\s+\\S+|%)?", Pattern.CASE_INSENSITIVE);

  /** The quantity written in {@code text}; empty if it does not start with a decimal number. */
  static Optional<Quantity> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Quantity(new BigDecimal(m.group(1).replace("_", "")), m.group(2)));
    } catch (NumberFormatException e) {
      // An exponent beyond the range of BigDecimal: no real quantity is that large or small.
      return Optional.empty();
    }
  }

  /** Whether {@code text} spells infinity or NaN ({@code .inf}, {@code -Infinity}, {@code NaN}). */
  static boolean isNonFinite(String text) {
    return NON_FINITE.matcher(text.strip()).matches();
  }
}
