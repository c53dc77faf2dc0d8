package org.aifactory.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A range of values written {@code START..END/STEP} in a {@code --vary} list: {@code 1.1..1.5/0.1},
 * {@code 50%..100%/10%}, {@code 10 min..60 min/10 min}, {@code 2 MW..1 MW/-0.25 MW}. START, END and
 * STEP are numbers with one unit (the same unit text, or none). The values are START + k × STEP for
 * k = 0, 1, ... as long as they do not pass END, so END is included when it falls on the grid.
 * Computed in exact decimal arithmetic: {@code 0.1..0.3/0.1} is 0.1, 0.2 and 0.3, never
 * 0.30000000000000004 or two values.
 *
 * @param start the first value
 * @param end the bound not to pass
 * @param step the distance between values: not 0, towards END
 * @param unit the unit written after each number (empty for plain numbers)
 */
record ValueRange(BigDecimal start, BigDecimal end, BigDecimal step, String unit) {

  /** How a range is written, for messages. */
  static final String FORM = "START..END/STEP, e.g. 1.1..1.5/0.1 or 50%..100%/10%";

  /** A range that cannot be read, and why. */
  static final class RangeException extends Exception {
    RangeException(String message) {
      super(message);
    }
  }

  /**
   * Whether {@code text} is written as a range: a number (with or without a unit) followed by
   * {@code ..}. Anything else is a value on its own (a name such as {@code a..b} is not a range).
   */
  static boolean isRange(String text) {
    int dots = text.indexOf("..");
    return dots > 0 && Quantity.parse(text.substring(0, dots)).isPresent();
  }

  /**
   * Reads a range (see {@link #isRange}).
   *
   * @throws RangeException when it has no step, a part that is not a number, an unknown unit,
   *     several units, a step of 0 or a step away from the end
   */
  static ValueRange parse(String text) throws RangeException {
    int dots = text.indexOf("..");
    String rest = text.substring(dots + 2);
    int slash = rest.lastIndexOf('/');
    if (slash < 0) {
      throw new RangeException("a range needs a step: " + FORM + ", got '" + text + "'");
    }
    Quantity start = part("start", text.substring(0, dots), text);
    Quantity end = part("end", rest.substring(0, slash), text);
    Quantity step = part("step", rest.substring(slash + 1), text);
    Set<String> units = new LinkedHashSet<>(List.of(start.unitText(), end.unitText()));
    units.add(step.unitText());
    for (String u : units) {
      if (!u.isEmpty() && Unit.bySymbol(u).isEmpty()) {
        throw new RangeException(
            "unknown unit '" + u + "' in the range '" + text + "'; units: " + allSymbols());
      }
    }
    if (units.size() > 1) {
      throw new RangeException(
          "the range '"
              + text
              + "' mixes units ("
              + String.join(", ", units.stream().map(u -> u.isEmpty() ? "none" : u).toList())
              + "): write its start, end and step in one unit, e.g. 10 min..120 min/10 min");
    }
    if (step.number().signum() == 0) {
      throw new RangeException("the step of the range '" + text + "' is 0: " + FORM);
    }
    int direction = end.number().compareTo(start.number());
    if (direction != 0 && direction != step.number().signum()) {
      throw new RangeException(
          "the step of the range '"
              + text
              + "' goes away from its end: "
              + (direction > 0
                  ? "an increasing range needs a positive step"
                  : "a decreasing range needs a negative step, e.g. 2..1/-0.5"));
    }
    return new ValueRange(start.number(), end.number(), step.number(), start.unitText());
  }

  /** How many values the range has: ⌊(END − START) / STEP⌋ + 1, exactly. */
  BigInteger count() {
    return end.subtract(start).divideToIntegralValue(step).toBigIntegerExact().add(BigInteger.ONE);
  }

  /**
   * The values as text, each as {@code --set} takes it: {@code 0.2}, {@code 55%}, {@code 20 min}.
   */
  List<String> values() {
    int n = count().intValueExact();
    List<String> values = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      values.add(text(start.add(step.multiply(BigDecimal.valueOf(k)))));
    }
    return values;
  }

  private String text(BigDecimal number) {
    String digits = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    if (unit.isEmpty()) {
      return digits;
    }
    return unit.equals(Unit.PERCENT.symbol()) ? digits + unit : digits + " " + unit;
  }

  /** A number with an optional unit (one word), within a double's range. */
  private static Quantity part(String name, String written, String range) throws RangeException {
    Optional<Quantity> q = Quantity.parse(written);
    if (q.isEmpty() || q.get().unitText().chars().anyMatch(Character::isWhitespace)) {
      throw new RangeException(
          String.format(
              Locale.ROOT,
              "the %s of the range '%s' is not a number: %s",
              name,
              range,
              written.isBlank() ? "nothing is written" : "'" + written.strip() + "'"));
    }
    if (!q.get().fitsDouble()) {
      throw new RangeException(
          String.format(
              Locale.ROOT,
              "the %s of the range '%s' is out of range: '%s'",
              name,
              range,
              written.strip()));
    }
    return q.get();
  }

  private static String allSymbols() {
    List<String> symbols = new ArrayList<>();
    for (Unit u : Unit.values()) {
      symbols.add(u.symbol());
    }
    return String.join(", ", symbols);
  }
}
