package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.BreakEven;
import org.aifactory.metrics.ComparisonResult.CheapestSpan;
import org.aifactory.metrics.ValueRange;
import org.aifactory.report.ComparisonFigures.Money;

/**
 * The break-even value of a lost GPU-hour between every pair of compared variants, for the terminal
 * and index.html: each pair's extra fixed cost (capital + energy) and the GPU-hours per year it
 * saves, paired by replication, the value above which the design with the higher fixed cost is the
 * cheaper ("never" when the other is the cheaper at every value) and its 95 % confidence interval
 * (the values at which the two are not distinguishable); the pair of the cheapest variant and the
 * runner-up is marked. Then the cheapest variant over the whole range of values.
 */
final class ComparisonBreakEvens {
  /** Marks the pair that decides the top of the ranking. */
  static final String TOP = "*";

  /** Lines of text are at most this long. */
  private static final int WIDTH = 100;

  private ComparisonBreakEvens() {}

  /** The heading, the table of the pairs and the cheapest by value, for the terminal. */
  static String text(ComparisonResult r, Money money, String indent) {
    StringBuilder out = new StringBuilder();
    out.append(indent)
        .append("Break-even value of a lost GPU-hour ($ per GPU-h; ")
        .append(scenarioValues(r))
        .append("): above it the design\n")
        .append(indent)
        .append("with the higher fixed cost (capital + energy) is the cheaper; ")
        .append(TOP)
        .append(" the cheapest and the runner-up\n");
    TextTable t =
        new TextTable(indent, LEFT, LEFT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT);
    t.row("", "", "extra fixed", "", "", "GPU-h saved", "", "", "break-even", "");
    t.row(
        "", "pair", "(" + money.unit() + "/y)", "", "", "per year", "", "", "($/GPU-h)", "95 % CI");
    for (BreakEven b : r.breakEvens()) {
      String[] extra = cells(b.extraFixedDollars().mean(), b.extraFixedDollars().ci95(), money);
      String[] saved =
          ComparisonText.cells(
              b.gpuHoursSavedPerYear().mean(),
              ComparisonText.halfWidth(
                  b.gpuHoursSavedPerYear().ci95(), b.gpuHoursSavedPerYear().mean()));
      t.row(
          r.topPair().map(b::equals).orElse(false) ? TOP : "",
          pair(r, b),
          extra[0],
          extra[1],
          extra[2],
          saved[0],
          saved[1],
          saved[2],
          breakEven(r, b),
          interval(b));
    }
    if (r.breakEvens().isEmpty()) {
      out.append(indent).append("one variant: no pair\n");
    } else {
      out.append(t.render());
    }
    out.append(Human.wrap(cheapestByValue(r), indent, WIDTH));
    return out.toString();
  }

  /** The table, for index.html. */
  static String html(ComparisonResult r, Money money) {
    HtmlTable t =
        new HtmlTable(
            List.of(
                "pair (higher fixed cost over lower)",
                "decides the top",
                "extra fixed cost (" + money.unit() + " / year)",
                "GPU-hours saved per year",
                "break-even ($ per GPU-hour)",
                "95 % CI (not distinguishable)"),
            false,
            false,
            true,
            true,
            true,
            true);
    for (BreakEven b : r.breakEvens()) {
      String[] extra = cells(b.extraFixedDollars().mean(), b.extraFixedDollars().ci95(), money);
      String[] saved =
          ComparisonText.cells(
              b.gpuHoursSavedPerYear().mean(),
              ComparisonText.halfWidth(
                  b.gpuHoursSavedPerYear().ci95(), b.gpuHoursSavedPerYear().mean()));
      t.row(
          pair(r, b),
          r.topPair().map(b::equals).orElse(false) ? "the cheapest and the runner-up" : "",
          joined(extra),
          joined(saved),
          breakEven(r, b),
          interval(b));
    }
    return t.render();
  }

  /** {@code N+1 over N}: the higher fixed cost first. */
  static String pair(ComparisonResult r, BreakEven b) {
    return r.variants().get(b.higherFixed()).name()
        + " over "
        + r.variants().get(b.lowerFixed()).name();
  }

  /** v*, or {@code never (N)} naming the variant that is the cheaper at every value. */
  static String breakEven(ComparisonResult r, BreakEven b) {
    return b.flips()
        ? dollarsPerGpuHour(b.dollarsPerGpuHour())
        : "never (" + r.variants().get(b.alwaysCheaper()).name() + ")";
  }

  /** The 95 % confidence set of v* within values of 0 and above, in words; "-" without one. */
  static String interval(BreakEven b) {
    if (!b.hasInterval()) {
      return "-";
    }
    return ranges(b.notDistinguishable());
  }

  /**
   * Ranges of values in words: {@code 450 to 2,100}, {@code 450 and above}, {@code any value},
   * {@code none}; several joined by commas.
   */
  static String ranges(List<ValueRange> ranges) {
    if (ranges.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (ValueRange v : ranges) {
      if (!v.hasEnd()) {
        parts.add(v.from() <= 0 ? "any value" : dollarsPerGpuHour(v.from()) + " and above");
      } else {
        parts.add(dollarsPerGpuHour(v.from()) + " to " + dollarsPerGpuHour(v.to()));
      }
    }
    return String.join(", ", parts);
  }

  /**
   * {@code N below 1,990 $/GPU-h, N+1 from 1,990 to 10,300, 2N above 10,300}: the cheapest variant
   * by value of a lost GPU-hour, from the means.
   */
  static String cheapestByValue(ComparisonResult r) {
    List<CheapestSpan> spans = r.cheapestByValue();
    if (spans.isEmpty()) {
      return "The cheapest by the value of a lost GPU-hour: not known (a cost is not finite).";
    }
    if (spans.size() == 1) {
      return r.variants().get(spans.get(0).variant()).name()
          + " is the cheapest at every value of a lost GPU-hour (by the means).";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      CheapestSpan s = spans.get(i);
      String name = r.variants().get(s.variant()).name();
      if (i == 0) {
        parts.add(name + " below " + dollarsPerGpuHour(s.toDollarsPerGpuHour()) + " $/GPU-h");
      } else if (i == spans.size() - 1) {
        parts.add(name + " above " + dollarsPerGpuHour(s.fromDollarsPerGpuHour()));
      } else {
        parts.add(
            name
                + " from "
                + dollarsPerGpuHour(s.fromDollarsPerGpuHour())
                + " to "
                + dollarsPerGpuHour(s.toDollarsPerGpuHour()));
      }
    }
    return "The cheapest by the value of a lost GPU-hour (means): "
        + String.join(", ", parts)
        + ".";
  }

  /** {@code the scenario's value: 2.5} or {@code the variants' values: 2.5, 4}. */
  static String scenarioValues(ComparisonResult r) {
    Set<String> values = new LinkedHashSet<>();
    for (ComparisonResult.Variant v : r.variants()) {
      values.add(dollarsPerGpuHour(v.costLine().lostGpuHourDollars()));
    }
    return (values.size() == 1 ? "the scenario's value: " : "the variants' values: ")
        + String.join(", ", values);
  }

  /**
   * A value of a GPU-hour to three significant digits, without trailing zeros, with thousands
   * separators: {@code 0.833}, {@code 2.5}, {@code 12.9}, {@code 2,000}, {@code 10,300}.
   */
  static String dollarsPerGpuHour(double value) {
    return Human.threeDigits(value);
  }

  private static String[] cells(double mean, double ci, Money money) {
    return ComparisonText.cells(money.scale(mean), money.scale(ComparisonText.halfWidth(ci, mean)));
  }

  private static String joined(String[] c) {
    return c[1].isEmpty() ? c[0] : c[0] + " ± " + c[2];
  }
}
