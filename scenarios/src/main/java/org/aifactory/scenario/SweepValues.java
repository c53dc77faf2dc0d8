package org.aifactory.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.aifactory.metrics.SweepResult;

/**
 * What the values of a {@code --vary} mean beyond their text: when two are the same value ({@code
 * 30 min} and {@code 0.5 h}, {@code 50%} and {@code 0.5}), and whether they are numbers that a
 * chart can place on an axis.
 */
final class SweepValues {
  private SweepValues() {}

  /** A quantity in the base unit of its kind: nanoseconds, watts, or a plain number. */
  private record Numeric(String kind, BigDecimal base, String unit) {}

  /** Plain numbers and percentages are one kind: {@code 50%} is {@code 0.5}. */
  private static final String PLAIN = "number";

  /**
   * A text equal for two values that mean the same: a quantity in the base unit of its kind, a
   * scalar's text, a map with its keys sorted, a list in order.
   */
  static String canonical(YamlNode node) {
    if (node instanceof YamlScalar s) {
      if (s.isNull()) {
        return "~";
      }
      return numeric(s)
          .map(n -> n.kind() + ":" + plain(n.base()))
          .orElse("'" + s.text().replace("'", "''") + "'");
    }
    if (node instanceof YamlList list) {
      List<String> items = new ArrayList<>();
      for (YamlNode item : list.items()) {
        items.add(canonical(item));
      }
      return "[" + String.join(", ", items) + "]";
    }
    TreeMap<String, String> entries = new TreeMap<>();
    for (YamlEntry e : ((YamlMap) node).entries()) {
      entries.put(e.key(), canonical(e.value()));
    }
    List<String> parts = new ArrayList<>();
    entries.forEach((k, v) -> parts.add("'" + k.replace("'", "''") + "': " + v));
    return "{" + String.join(", ", parts) + "}";
  }

  /**
   * The parameter as reports show it: its values as applied and, when every value is a quantity of
   * one kind, each as a number in the unit of the first (durations in {@code min} if the first is
   * written in minutes).
   */
  static SweepResult.Parameter parameter(SweepReader.Axis axis) {
    List<String> texts = axis.values().stream().map(SweepReader.Value::text).toList();
    List<Numeric> numbers = new ArrayList<>();
    for (SweepReader.Value v : axis.values()) {
      Optional<Numeric> n =
          v.node() instanceof YamlScalar s && !s.isNull() ? numeric(s) : Optional.empty();
      if (n.isEmpty() || (!numbers.isEmpty() && !n.get().kind().equals(numbers.get(0).kind()))) {
        return new SweepResult.Parameter(axis.path(), texts, "", List.of());
      }
      numbers.add(n.get());
    }
    String unit = numbers.get(0).unit();
    BigDecimal factor = Unit.bySymbol(unit).map(Unit::factor).orElse(BigDecimal.ONE);
    List<Double> shown = new ArrayList<>();
    for (Numeric n : numbers) {
      shown.add(n.base().divide(factor, MathContext.DECIMAL64).doubleValue());
    }
    return new SweepResult.Parameter(axis.path(), texts, unit, shown);
  }

  /** A number with no unit, or a known unit; empty for anything else (names, rates, 2N). */
  private static Optional<Numeric> numeric(YamlScalar s) {
    Optional<Quantity> q = Quantity.parse(s.text());
    if (q.isEmpty() || !q.get().fitsDouble()) {
      return Optional.empty();
    }
    String unitText = q.get().unitText();
    if (unitText.isEmpty()) {
      return Optional.of(new Numeric(PLAIN, q.get().number(), ""));
    }
    Optional<Unit> unit = Unit.bySymbol(unitText);
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    String kind = unit.get() == Unit.PERCENT ? PLAIN : unit.get().dimension().name();
    return Optional.of(new Numeric(kind, q.get().number().multiply(unit.get().factor()), unitText));
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
